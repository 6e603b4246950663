package cn.creditwindow.app;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.customs.CustomsBatch;
import java.time.LocalDate;
import java.util.List;

/** The demo's customs data: what the customs systems would have pushed for the credit enterprise's shipments. */
final class DemoCustoms {
    private DemoCustoms() {
    }

    /** The export declaration of the demo claim's shipment, held as customs data of the credit enterprise. */
    static final String DECLARATION = "530120240000000123";
    /** An export declaration of the credit enterprise that no demo claim uses, for a new claim. */
    static final String FREE_DECLARATION = "530120240000000124";

    /**
     * Customs data of the credit enterprise, as the customs systems would push it: two export declarations to the
     * UAE (one claimed by the demo claim, one free for a new claim), their bills of lading and a certificate of
     * origin, all shipped on {@code shipped}. Importing again updates the same numbers.
     */
    static void declarations(App app, LocalDate shipped) {
        Principal reviewer = DemoWorld.principal(app.domains().accounts().userByName("reviewer").orElseThrow());
        String uscc = DemoWorld.CREDIT_ENTERPRISE.uscc();
        String day = shipped.toString();
        var goods = List.of(new CustomsBatch.NewGoods("8517120000", "智能手机（示例数据）", "2000", "台", "220.00",
                "440000.00", "USD"));
        var more = List.of(new CustomsBatch.NewGoods("8471300000", "笔记本电脑（示例数据）", "500", "台", "360.00",
                "180000.00", "USD"));
        app.domains().customs().importBatch(reviewer, new CustomsBatch(
                List.of(new CustomsBatch.NewDeclaration(DECLARATION, uscc, "COSU6240000123", "AE", day, "5301",
                                "2", goods),
                        new CustomsBatch.NewDeclaration(FREE_DECLARATION, uscc, "COSU6240000124", "AE", day, "5301",
                                "2", more)),
                List.of(new CustomsBatch.NewBillOfLading("COSU6240000123", uscc, "COSCO SHIPPING ARIES", "024W",
                                DemoWorld.CREDIT_ENTERPRISE.nameEn(), "Gulf Star General Trading LLC", day),
                        new CustomsBatch.NewBillOfLading("COSU6240000124", uscc, "COSCO SHIPPING ARIES", "024W",
                                DemoWorld.CREDIT_ENTERPRISE.nameEn(), "Gulf Star General Trading LLC", day)),
                List.of(new CustomsBatch.NewCertificate("CO2024440300001", uscc, "智能手机（示例数据）", "AE", day))));
    }
}
