-- Customs data (报关单、提运单、原产地证) as the window holds it: pushed by the customs / insurer systems or imported
-- by CSV, and read only by the consignor (境内收发货人) the data names, for the claim's declaration check
-- (申报单证检查) and its shipment data report (出运数据报告). Re-importing a number replaces what it held.

-- Export declarations. number: 4-digit customs office + 4-digit year + flag 0 (export) + 9-digit sequence.
CREATE TABLE customs_declarations (
    id                  ${id},
    number              TEXT    NOT NULL CHECK (length(number) = 18),
    -- the consignor (境内收发货人): the enterprise whose declaration this is
    enterprise_id       ${bigint} NOT NULL REFERENCES enterprises (id),
    bill_of_lading_no   TEXT,
    -- 贸易国（地区）: ISO 3166 alpha-2
    trade_country       TEXT    NOT NULL CHECK (length(trade_country) = 2),
    export_date         TEXT    NOT NULL,
    -- 出境关别: the 4-digit customs office of exit (the declaring office is the number's first 4 digits)
    exit_office         TEXT    NOT NULL CHECK (length(exit_office) = 4),
    -- 运输方式: the customs code (2 waterway, 4 road, 5 air…) and its name
    transport_mode      TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    CONSTRAINT ux_customs_declarations_number UNIQUE (number)
) ${strict};

CREATE INDEX ix_customs_declarations_enterprise ON customs_declarations (enterprise_id, export_date);

-- The goods lines of a declaration, replaced whole when the declaration is imported again.
-- Prices in hundredths of the line's currency (unit price and total as declared).
CREATE TABLE customs_goods (
    id                  ${id},
    declaration_id      ${bigint} NOT NULL REFERENCES customs_declarations (id) ON DELETE CASCADE,
    line_no             INTEGER NOT NULL CHECK (line_no >= 1),
    hs_code             TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    -- a plain decimal (e.g. 1200 or 12.5), as declared
    quantity            TEXT    NOT NULL,
    unit                TEXT    NOT NULL,
    unit_price_cents    ${bigint} NOT NULL CHECK (unit_price_cents >= 0),
    total_cents         ${bigint} NOT NULL CHECK (total_cents >= 0),
    currency            TEXT    NOT NULL CHECK (length(currency) = 3),
    CONSTRAINT ux_customs_goods_line UNIQUE (declaration_id, line_no)
) ${strict};

-- Bills of lading (提运单): a carrier's number, unique per consignor (carriers' numbers may repeat across them).
CREATE TABLE customs_bills_of_lading (
    id                  ${id},
    enterprise_id       ${bigint} NOT NULL REFERENCES enterprises (id),
    number              TEXT    NOT NULL,
    vessel              TEXT    NOT NULL,
    voyage              TEXT,
    shipper             TEXT    NOT NULL,
    consignee           TEXT    NOT NULL,
    issued_on           TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    CONSTRAINT ux_customs_bills_enterprise_number UNIQUE (enterprise_id, number)
) ${strict};

-- Certificates of origin (原产地证), issued to the exporter.
CREATE TABLE customs_certificates (
    id                  ${id},
    number              TEXT    NOT NULL,
    enterprise_id       ${bigint} NOT NULL REFERENCES enterprises (id),
    goods               TEXT    NOT NULL,
    destination_country TEXT    NOT NULL CHECK (length(destination_country) = 2),
    issued_on           TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    CONSTRAINT ux_customs_certificates_number UNIQUE (number)
) ${strict};

CREATE INDEX ix_customs_certificates_enterprise ON customs_certificates (enterprise_id);
