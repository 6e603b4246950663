package cn.creditwindow.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.config.Config;
import cn.creditwindow.managers.ServiceLines;
import cn.creditwindow.web.Lang;
import cn.creditwindow.web.Messages;
import cn.creditwindow.web.Pages;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service introduction has no logic beyond its lists and rendering, so this renders both pages through a small
 * Javalin on a loopback port (the real templates and message files, no application around them) and checks what
 * they show in both languages.
 */
class ServicePagesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private Javalin server;

    @BeforeEach
    void start() {
        ServicePages pages = new ServicePages(new Pages(Config.CHINA, ctx -> Optional.empty()),
                new ServiceLines("0755-11112222", "0755-33334444"));
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/service", pages::index);
            config.routes.get("/service/enrolment-flow", pages::enrolmentFlow);
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Document get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/html;charset=utf-8"));
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(Pages.CONTENT_SECURITY_POLICY);
        return Jsoup.parse(r.body());
    }

    @Test
    void theIndexListsEveryServiceWithItsJourneyInOrder() throws Exception {
        Document en = get("/service?lang=en");
        assertThat(en.select("#offers li.offer")).extracting(e -> e.attr("data-offer"))
                .containsExactly("agreements", "enrolment", "claims", "risk", "credit", "alarm", "financing");
        assertThat(en.select("#offers li.offer h3 a")).extracting(e -> e.attr("href"))
                .containsExactly("/agreements", "/enrolment", "/claims", "/search", "/credit", "/credit/alerts",
                        "/financing");
        Element financing = en.selectFirst("#offers li[data-offer=financing]");
        assertThat(financing.select("h3").text()).isEqualTo("Financing marketplace");
        assertThat(financing.select("p").text()).startsWith("Apply to banks for financing");
    }

    @Test
    void theIndexShowsTheConfiguredServiceLines() throws Exception {
        Document zh = get("/service");
        assertThat(zh.select("#enquiry-hotline").text()).isEqualTo("0755-33334444");
        assertThat(zh.select("#enquiry-hotline a").attr("href")).isEqualTo("tel:0755-33334444");
        assertThat(zh.select("#service-claims-hotline").text()).isEqualTo("0755-11112222");
        assertThat(zh.select("#to-flow").attr("href")).isEqualTo("/service/enrolment-flow");
    }

    @Test
    void bothLanguagesHaveEveryText() throws Exception {
        Messages zhTexts = Messages.load(Lang.ZH);
        Document zh = get("/service?lang=zh");
        Document en = get("/service?lang=en");
        assertThat(zh.select("#offers li[data-offer=claims] h3").text()).isEqualTo(zhTexts.get("service.offer.claims"));
        assertThat(en.select("#offers li[data-offer=claims] h3").text()).isEqualTo("Claims");
        assertThat(zh.select("#package li")).hasSize(4);
        assertThat(en.select("#package li").get(1).text()).startsWith("Indemnity: 80%");
        assertThat(zh.text()).doesNotContain("service.");
    }

    @Test
    void theFlowLinksEachEnrolmentStepDoneInTheWindowToItsPage() throws Exception {
        Document en = get("/service/enrolment-flow?lang=en");
        assertThat(en.select("h1").text()).isEqualTo("Small/micro enrolment flow");
        assertThat(en.select("#enrolment-flow li.flow-step")).hasSize(ServicePages.ENROLMENT_STEPS.size()).hasSize(6);
        // the first step (the commerce department's publication) is outside the window: no link
        assertThat(en.select("#enrolment-flow li[data-step=1] a")).isEmpty();
        assertThat(en.select("#enrolment-flow a.flow-link")).extracting(e -> e.attr("href"))
                .containsExactly("/agreements", "/enrolment?filter=pending", "/enrolment", "/enrolment?tab=policies",
                        "/enrolment?tab=policies&filter=effective");
        assertThat(en.select("#enrolment-flow li[data-step=2] a").text()).isEqualTo("Go to the service agreement");
        assertThat(en.select("#renewal-flow li.flow-step")).hasSize(ServicePages.RENEWAL_STEPS);
    }
}
