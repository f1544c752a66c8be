package dev.aigateway.contract.http;

import dev.aigateway.contract.record.Exchange;
import io.qameta.allure.attachment.DefaultAttachmentProcessor;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import java.util.Map;

/** A recorded exchange as the report shows it: its request and its answer, attached to the current Allure step. */
final class ExchangeAttachment {

    private ExchangeAttachment() {}

    static void attach(Exchange exchange) {
        DefaultAttachmentProcessor processor = new DefaultAttachmentProcessor();
        String name = "Request" + (exchange.variant() == null ? "" : " (variant: " + exchange.variant() + ")") + ": "
                + exchange.method() + " " + exchange.path()
                + (exchange.requestBodyCut() == null ? "" : " (" + exchange.requestBodyCutNote() + ")");
        // Our curl line, not the one Allure's builder writes (quotes unescaped, no placeholder expanded); none for a
        // body recorded cut. Allure's attachment keeps one value a name: a name sent twice shows both values, joined.
        String curl = exchange.requestBodyCut() == null ? CurlLine.of(exchange) : null;
        HttpRequestAttachment request = new HttpRequestAttachment(name, exchange.url(), exchange.method(),
                exchange.requestBody(), curl, exchange.requestHeaderMap(), Map.of(), Map.of());
        processor.addAttachment(request, new FreemarkerAttachmentRenderer("http-request.ftl"));
        HttpResponseAttachment.Builder response = HttpResponseAttachment.Builder
                .create(exchange.answered()
                        ? "Response: " + exchange.status() + (exchange.errorType() == null ? "" : " " + exchange.errorType())
                        : "No response: " + exchange.failure())
                .setUrl(exchange.url())
                .setHeaders(exchange.responseHeaders())
                .setBody(exchange.answered() ? exchange.responseBody() : exchange.failure());
        if (exchange.answered()) {
            response.setResponseCode(exchange.status());
        }
        processor.addAttachment(response.build(), new FreemarkerAttachmentRenderer("http-response.ftl"));
    }
}
