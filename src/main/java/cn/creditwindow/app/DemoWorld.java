package cn.creditwindow.app;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.ApiTokens;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.User;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small fictional world for trying the window ({@code serve --demo}): one enterprise per scheme region,
 * each with a legal representative and an operator, an account manager for Shenzhen, an insurer reviewer
 * and an administrator, all with the same demo password, and an API token for pushing feeds. Creating it
 * again finds what is already there. Every name, code and number here is invented.
 */
final class DemoWorld {
    static final String PASSWORD = "demo-pass-2026";

    /** A demo enterprise: its USCC (valid check character), names, and its people's user names. */
    record DemoEnterprise(String uscc, String nameZh, String nameEn, String scheme, String legal, String operator) {
    }

    static final List<DemoEnterprise> ENTERPRISES = List.of(
            new DemoEnterprise("914403065X7D8E2A1J", "深圳市示例电子科技有限公司", "Shenzhen Example Electronics Co., Ltd.",
                    "shenzhen-2023", "sz-legal", "sz-operator"),
            new DemoEnterprise("914101007Q3R8K2M4G", "郑州示例纺织品有限公司", "Zhengzhou Example Textiles Co., Ltd.",
                    "henan-2024-small", "hn-legal", "hn-operator"),
            new DemoEnterprise("914103003T6W9P1H5R", "洛阳示例机械制造有限公司", "Luoyang Example Machinery Co., Ltd.",
                    "henan-2024-medium", "ly-legal", "ly-operator"));

    private final List<String> lines = new ArrayList<>();
    private final List<Enterprise> enterprises = new ArrayList<>();
    private String feedToken;

    /** Creates what is missing of the demo world in the app's store. */
    static DemoWorld create(App app) {
        DemoWorld world = new DemoWorld();
        world.build(app.accounts(), app.apiTokens());
        return world;
    }

    private void build(Accounts accounts, ApiTokens tokens) {
        for (DemoEnterprise d : ENTERPRISES) {
            Enterprise e = accounts.enterpriseByUscc(d.uscc()).orElseGet(() ->
                    accounts.createEnterprise(new Accounts.NewEnterprise(d.uscc(), d.nameZh(), d.nameEn(), null)));
            enterprises.add(e);
            user(accounts, d.legal(), "示例法人" + (enterprises.size()), Role.LEGAL_REPRESENTATIVE, e.id(), "13800000001");
            user(accounts, d.operator(), "示例操作员" + (enterprises.size()), Role.OPERATOR, e.id(), "13800000002");
            lines.add(String.format("  %-12s %-12s %s (%s, %s)", d.legal(), d.operator(), d.nameZh(), d.uscc(), d.scheme()));
        }
        User manager = user(accounts, "manager", "示例客户经理", Role.ACCOUNT_MANAGER, null, "13800000003");
        accounts.addToPortfolio(manager.id(), List.of("4403"), List.of());
        user(accounts, "reviewer", "示例审核员", Role.REVIEWER, null, null);
        user(accounts, "admin", "示例管理员", Role.ADMIN, null, null);
        feedToken = tokens.rotate("demo-feeds", Set.of(ApiTokens.FEEDS_PUSH)).token();
    }

    private static User user(Accounts accounts, String username, String name, Role role, Long enterpriseId, String mobile) {
        return accounts.userByName(username).orElseGet(() -> accounts.createUser(new Accounts.NewUser(username, PASSWORD,
                name, role, enterpriseId, mobile, username + "@demo.example")));
    }

    List<Enterprise> enterprises() {
        return List.copyOf(enterprises);
    }

    /** How to sign in, for the console. */
    void print(PrintStream out) {
        out.println("Demo world (fictional). Every demo user's password: " + PASSWORD);
        out.println("  legal rep.   operator     enterprise");
        lines.forEach(out::println);
        out.println("  manager (account manager for Shenzhen, 4403), reviewer (insurer), admin (administrator)");
        out.println("Feed push token for this run: Authorization: Bearer " + feedToken);
    }
}
