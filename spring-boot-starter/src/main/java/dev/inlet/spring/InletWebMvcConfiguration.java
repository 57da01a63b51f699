package dev.inlet.spring;

import dev.inlet.servlet.ServletWebhookHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Mounts every webhook endpoint on Spring MVC at its exact path, ahead of controllers and static
 * resources: the {@code DispatcherServlet} hands the request to an {@link HttpRequestHandler} that
 * reads the raw body (no message converter touches it) and asks the receiver.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "inlet.webhooks.enabled", matchIfMissing = true)
class InletWebMvcConfiguration {

    /** Before {@code RequestMappingHandlerMapping} (order 0), so a controller cannot shadow an endpoint. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Bean
    SimpleUrlHandlerMapping inletWebhookHandlerMapping(InletWebhooks webhooks) {
        Map<String, Object> urls = new LinkedHashMap<>();
        webhooks.servletHandler().ifPresent(handler -> handler.receiver().endpoints().keySet()
                .forEach(path -> urls.put(path, requestHandler(handler))));
        return new SimpleUrlHandlerMapping(urls, ORDER);
    }

    private static HttpRequestHandler requestHandler(ServletWebhookHandler handler) {
        return handler::handle;
    }
}
