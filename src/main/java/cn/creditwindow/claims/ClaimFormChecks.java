package cn.creditwindow.claims;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Country;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of the enterprise's claim, each adding an error per bad field: the claim form (the buyer named or the
 * new one, the banks, every case question answered, the financing, the cause and the texts) and what a submission
 * needs (the declaration ticked, a shipment, the issuing bank for a letter of credit, customs declarations that are
 * the enterprise's own and not claimed elsewhere, a shipment data report as current as the shipments). The field
 * checks they are made of are {@link ClaimChecks}'.
 */
final class ClaimFormChecks {
    private final Buyers buyers;
    private final Countries countries;
    private final ClaimCodes codes;
    private final ClaimDocuments documents;

    ClaimFormChecks(Buyers buyers, Countries countries, ClaimCodes codes, ClaimDocuments documents) {
        this.buyers = Objects.requireNonNull(buyers, "buyers");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.documents = Objects.requireNonNull(documents, "documents");
    }

    /** The checked claim form: the buyer named, or the new buyer to add (with its country). */
    record Checked(Long buyerId, Buyers.NewBuyer newBuyer, Country newBuyerCountry,
                           Claim.Bank issuing, Claim.Bank confirming, String answers,
                           String financingSwift, String financingBankName, Long financingCents, String lossCause,
                           String reason, String caseDescription, String mitigation) {
    }

    /** The checked claim form, or null after adding an error per bad field to {@code errors}. */
    Checked check(Tx tx, Principal p, Claims.ClaimForm f, List<FieldError> errors) {
        if (f == null) {
            errors.add(new FieldError("buyerId", "请填写索赔申请", "the claim form is missing"));
            return null;
        }
        int before = errors.size();
        Long buyerId = f.buyerId();
        Buyers.NewBuyer newBuyer = null;
        Country newBuyerCountry = null;
        if (buyerId != null && Buyers.visible(tx, p, buyerId).isEmpty()) {
            errors.add(Buyers.noSuchBuyer("buyerId", buyerId));
        }
        if (f.newBuyer() != null) {
            newBuyer = f.newBuyer();
            newBuyerCountry = buyers.checkWithin("newBuyer.", newBuyer, errors);
            if (buyerId != null) {
                errors.add(new FieldError("newBuyer", "请选择买方目录中的买方或新建买方，二者只能选一",
                        "choose a buyer from the directory or add a new one, not both"));
            }
        } else if (buyerId == null) {
            errors.add(new FieldError("buyerId", "请选择买方或新建买方", "choose a buyer or add a new one"));
        }
        Claim.Bank issuing = bank("issuingBank", f.issuingBank(), errors);
        Claim.Bank confirming = bank("confirmingBank", f.confirmingBank(), errors);
        StringBuilder answers = new StringBuilder();
        Map<String, Boolean> given = f.answers() == null ? Map.of() : f.answers();
        for (ClaimCodes.Code q : codes.list(ClaimCodes.QUESTION)) {
            Boolean a = given.get(q.code());
            if (a == null) {
                errors.add(new FieldError("answers." + q.code(), "请选择“是”或“否”：" + q.zh(),
                        "answer yes or no: " + q.en()));
                continue;
            }
            answers.append(answers.length() == 0 ? "" : ",").append(q.code()).append('=').append(a ? 1 : 0);
        }
        for (String code : given.keySet()) {
            if (codes.find(ClaimCodes.QUESTION, code).isEmpty()) {
                errors.add(new FieldError("answers." + code, "没有这个案件问题：" + code, "no such case question: " + code));
            }
        }
        String fSwift = null;
        String fName = null;
        Long fCents = null;
        if (Boolean.TRUE.equals(given.get(ClaimCodes.FINANCING))) {
            fSwift = ClaimChecks.swift("financingSwift", f.financingSwift(), countries, errors);
            fName = ClaimChecks.text("financingBankName", f.financingBankName(), 200, "融资银行名称",
                    "the financing bank's name", errors);
            fCents = ClaimChecks.usd("financingAmount", f.financingAmount(), "融资金额", "the financed amount", errors);
        }
        String cause = ClaimChecks.strip(f.lossCause());
        if (codes.find(ClaimCodes.CAUSE, cause).isEmpty()) {
            errors.add(new FieldError("lossCause", "请选择致损原因", "choose the cause of loss"));
        }
        String reason = ClaimChecks.description("reason", f.reason(), "索赔原因描述", "the reason for the claim", errors);
        String story = ClaimChecks.description("caseDescription", f.caseDescription(), "案情说明",
                "the case description", errors);
        String mitigation = Text.blankToNull(f.mitigation());
        if (mitigation != null && mitigation.length() > ClaimChecks.MAX_TEXT) {
            errors.add(new FieldError("mitigation", "减损措施不超过 " + ClaimChecks.MAX_TEXT + " 字",
                    "the mitigation is at most " + ClaimChecks.MAX_TEXT + " characters"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Checked(buyerId, newBuyer, newBuyerCountry, issuing, confirming, answers.toString(), fSwift, fName,
                fCents, cause, reason, story, mitigation);
    }

    private Claim.Bank bank(String field, Claims.BankForm b, List<FieldError> errors) {
        if (b == null || b.blank()) {
            return new Claim.Bank(null, null, null, null);
        }
        return new Claim.Bank(ClaimChecks.swift(field + ".swift", b.swift(), countries, errors),
                ClaimChecks.text(field + ".nameEn", b.nameEn(), 200, "银行英文名称", "the bank's English name", errors),
                ClaimChecks.country(field + ".country", b.country(), countries, errors),
                ClaimChecks.text(field + ".addressEn", b.addressEn(), 500, "银行英文地址", "the bank's English address",
                        errors));
    }

    /** What keeps the claim from being submitted, each added to {@code errors}; the declaration numbers it takes. */
    Set<String> submissionProblems(Tx tx, Claim c, Claims.Submission s, List<FieldError> errors) {
        if (s == null || !Boolean.TRUE.equals(s.declaration())) {
            errors.add(new FieldError("declaration", "请勾选索赔申明", "tick the claimant's declaration"));
        }
        List<Shipment> shipments = ClaimShipments.list(tx, c.id());
        if (shipments.isEmpty()) {
            errors.add(new FieldError("shipments", "请至少填写一条出运信息", "add at least one shipment"));
        }
        if (shipments.stream().anyMatch(x -> ClaimCodes.letterOfCredit(x.paymentMethod()))
                && !c.issuingBank().given()) {
            errors.add(new FieldError("issuingBank.swift", "支付方式为信用证时，请填写开证行信息",
                    "a letter-of-credit shipment needs the issuing bank"));
        }
        Set<String> numbers = new LinkedHashSet<>();
        shipments.forEach(x -> numbers.addAll(x.declarations()));
        List<String> missing = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (ClaimDocuments.ShipmentCheck check : documents.check(tx, c, Claims.policyOf(tx, c), shipments)) {
            for (var d : check.declarations()) {
                if (!d.ok() && !missing.contains(d.number())) {
                    missing.add(d.number());
                } else if (d.flags().stream().anyMatch(f -> ALREADY_CLAIMED.equals(f.code()))
                        && !taken.contains(d.number())) {
                    taken.add(d.number());
                }
            }
        }
        if (!missing.isEmpty()) {
            errors.add(new FieldError("declarations", "未查询到符合条件的报关单数据：" + String.join("，", missing)
                    + "（仅能使用本企业作为收发货人的出口报关单）", "no matching export declaration of the enterprise: "
                    + String.join(", ", missing)));
        }
        if (!taken.isEmpty()) {
            errors.add(alreadyClaimed(taken));
        }
        reportError(ClaimDocuments.latestInfo(tx, c).orElse(null), shipments.isEmpty()).ifPresent(errors::add);
        return numbers;
    }

    private static final String ALREADY_CLAIMED = cn.creditwindow.customs.CheckResult.Flag.ALREADY_CLAIMED;

    private static FieldError alreadyClaimed(List<String> numbers) {
        return new FieldError("declarations", "报关单已用于其他索赔申请：" + String.join("，", numbers)
                + "（同一报关单不能重复索赔）", "already claimed in another claim: " + String.join(", ", numbers));
    }

    /** Why the report refuses the submission: none generated, or generated before the shipments last changed. */
    private static Optional<FieldError> reportError(ClaimDocuments.ReportInfo report, boolean noShipments) {
        if (noShipments) {
            return Optional.empty();
        }
        if (report == null) {
            return Optional.of(new FieldError("shipmentReport", "提交前请先生成出运数据报告",
                    "generate the shipment data report before submitting"));
        }
        if (!report.current()) {
            return Optional.of(new FieldError("shipmentReport", "出运信息在生成出运数据报告后已修改，请重新生成出运数据报告",
                    "the shipments changed after the shipment data report was generated: generate it again"));
        }
        return Optional.empty();
    }
}
