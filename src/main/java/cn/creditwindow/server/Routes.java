package cn.creditwindow.server;

import cn.creditwindow.accounts.AccountHandlers;
import cn.creditwindow.agreements.AgreementHandlers;
import cn.creditwindow.agreements.AgreementPages;
import cn.creditwindow.alarm.AlarmHandlers;
import cn.creditwindow.alarm.AlarmPages;
import cn.creditwindow.answers.SubmissionHandlers;
import cn.creditwindow.answers.SubmissionPages;
import cn.creditwindow.articles.ArticleHandlers;
import cn.creditwindow.articles.ArticlePages;
import cn.creditwindow.buyers.BuyerHandlers;
import cn.creditwindow.buyers.BuyerPages;
import cn.creditwindow.calendar.CalendarHandlers;
import cn.creditwindow.calendar.CalendarPages;
import cn.creditwindow.claims.AttachmentHandlers;
import cn.creditwindow.claims.AttachmentPages;
import cn.creditwindow.claims.ClaimHandlers;
import cn.creditwindow.claims.ClaimPages;
import cn.creditwindow.credit.CreditHandlers;
import cn.creditwindow.credit.CreditPages;
import cn.creditwindow.customs.CustomsHandlers;
import cn.creditwindow.customs.CustomsPages;
import cn.creditwindow.digest.DigestHandlers;
import cn.creditwindow.digest.DigestPages;
import cn.creditwindow.enrolment.EnrolmentHandlers;
import cn.creditwindow.enrolment.EnrolmentPages;
import cn.creditwindow.feeds.FeedHandlers;
import cn.creditwindow.financing.FinancingHandlers;
import cn.creditwindow.financing.FinancingPages;
import cn.creditwindow.home.DashboardHandlers;
import cn.creditwindow.home.HomePages;
import cn.creditwindow.losses.LossHandlers;
import cn.creditwindow.losses.LossPages;
import cn.creditwindow.managers.ManagerHandlers;
import cn.creditwindow.reference.ReferenceHandlers;
import cn.creditwindow.reference.RegionHandlers;
import cn.creditwindow.schemes.SchemeHandlers;
import cn.creditwindow.schemes.SchemePages;
import cn.creditwindow.service.ServicePages;
import cn.creditwindow.subscriptions.SubscriptionHandlers;
import cn.creditwindow.subscriptions.SubscriptionPages;
// the window (融资超市, 服务介绍, 客户经理, 系统首页)
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.Set;


/**
 * Every endpoint of the application, in one table: the JSON API ({@link ApiRoutes}, each documented in
 * {@code openapi.json}) and the HTML pages for people ({@link PageRoutes}). A route without a
 * {@link cn.creditwindow.accounts.Guard} is public; with guards, only a principal one of them admits gets to the
 * handler (checked by {@link Authentication}).
 */
public final class Routes {
    /** Paths outside {@code /api/} that answer machines, not people (and so are in openapi.json). */
    private static final Set<String> SYSTEM_PATHS = Set.of("/health", "/metrics", "/openapi.json", "/api-docs");

    private Routes() {
    }

    /** The handlers the routes dispatch to. */
    public record Handlers(ArticleHandlers articles, FeedHandlers feeds, ReferenceHandlers reference,
                           SystemHandlers system, HomePages home, ArticlePages articlePages,
                           ComingSoonPages comingSoon, AccountHandlers accounts,
                           SchemeHandlers schemes,
                           // the service agreement (签约管理)
                           AgreementHandlers agreements, AgreementPages agreementPages,
                           // enrolment (小微投保)
                           EnrolmentHandlers enrolment, EnrolmentPages enrolmentPages,
                           // the buyer directory and the credit alarm (资信报警器)
                           BuyerHandlers buyers, BuyerPages buyerPages, AlarmHandlers alarm, AlarmPages alarmPages,
                           // credit services (资信服务)
                           CreditHandlers credit, CreditPages creditPages,
                           // customs declarations (报关单, 申报单证检查, 出运数据报告)
                           CustomsHandlers customs,
                           // claims (索赔服务)
                           ClaimHandlers claims, ClaimPages claimPages,
                           // the window: financing marketplace (融资超市), service introduction (服务介绍), account
                           // managers by district (客户经理), the home dashboard's counts (系统首页)
                           FinancingHandlers financing, FinancingPages financingPages, ServicePages servicePages,
                           ManagerHandlers managers, DashboardHandlers dashboard,
                           // administrative divisions, insurance inquiries (投保咨询), the message board (调查问卷)
                           RegionHandlers regions, SubmissionHandlers<?, ?, ?> inquiries,
                           SubmissionPages<?, ?, ?> inquiryPages, SubmissionHandlers<?, ?, ?> messageBoard,
                           SubmissionPages<?, ?, ?> messageBoardPages,
                           // claim attachments (索赔附件)
                           AttachmentHandlers claimAttachments, AttachmentPages claimAttachmentPages,
                           // the customs pages of the claims section (报关单数据, 导入海关数据)
                           CustomsPages customsPages,
                           // subscriptions and monthly digests (信息订阅, 月报)
                           SubscriptionHandlers subscriptions, SubscriptionPages subscriptionPages,
                           DigestHandlers digests, DigestPages digestPages,
                           // the working-day calendar claims count their deadlines in (节假日安排)
                           CalendarHandlers calendar, CalendarPages calendarPages,
                           // the administrator's page of the schemes, bundled and added as data (统保方案)
                           SchemePages schemePages,
                           // possible-loss reports (报损)
                           LossHandlers losses, LossPages lossPages) {
    }

    public static void install(JavalinConfig config, Handlers h) {
        var r = new Table(config.routes);
        ApiRoutes.install(r, h);
        PageRoutes.install(r, h);
    }

    /**
     * The verbs of the table. A GET route also answers HEAD, through the same guards and handler (Jetty sends the
     * head without the body): left to itself, Javalin answers the HEAD of any path with a GET route with an empty
     * 200, without its guards, its handler or its headers, so a page's HEAD lacked the security headers its GET has
     * and a protected page's HEAD said 200 to anyone.
     */
    record Table(RoutesConfig routes) {
        void get(String path, Handler handler, RouteRole... guards) {
            routes.get(path, handler, guards);
            routes.head(path, handler, guards);
        }

        void post(String path, Handler handler, RouteRole... guards) {
            routes.post(path, handler, guards);
        }

        void put(String path, Handler handler, RouteRole... guards) {
            routes.put(path, handler, guards);
        }

        void delete(String path, Handler handler, RouteRole... guards) {
            routes.delete(path, handler, guards);
        }
    }

    /**
     * True for the paths that answer machines (JSON errors, documented in openapi.json): everything under
     * {@code /api/} and the operations endpoints. Every other path is a page for people.
     */
    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/") || SYSTEM_PATHS.contains(path);
    }
}
