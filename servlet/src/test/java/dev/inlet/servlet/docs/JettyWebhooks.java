package dev.inlet.servlet.docs;

import dev.inlet.servlet.WebhookServlet;
import dev.inlet.webhooks.verify.Keyring;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

class JettyWebhooks {
    static Server start(String stripeSecret) throws Exception {
        WebhookVerifier stripe = WebhookVerifier.builder(SignatureScheme.stripe())
                .keyring(Keyring.of(stripeSecret))
                .build();
        WebhookReceiver receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder("/hooks/stripe", stripe)
                        .handler(event -> System.out.println("accepted " + event))
                        .build())
                .build();

        WebhookServlet servlet = WebhookServlet.builder(receiver)
                .readTimeout(Duration.ofSeconds(10))      // default 10 s; then 408
                .manageReceiver(true)                     // default: start in init(), close in destroy()
                .build();
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);                   // non-blocking body reads
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(holder, "/hooks/*");

        Server server = new Server(8080);
        server.setHandler(context);
        server.start();
        return server;
    }
}
