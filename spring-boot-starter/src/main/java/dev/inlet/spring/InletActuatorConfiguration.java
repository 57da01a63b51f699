package dev.inlet.spring;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masks Inlet's credentials in {@code /actuator/env} and {@code /actuator/configprops} even where
 * an application shows values ({@code management.endpoint.env.show-values=always}): every key under
 * {@code inlet.credentials} and every webhook endpoint's {@code secrets}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SanitizingFunction.class)
class InletActuatorConfiguration {

    /** {@code inlet.credentials.x}, {@code credentials.x}, {@code ….secrets.y}, with any case or separators. */
    private static final Pattern SECRET_KEY =
            Pattern.compile("(^|.*\\.)(credentials|secrets)(\\..*|\\[.*)?$");

    @Bean
    SanitizingFunction inletCredentialSanitizer() {
        return InletActuatorConfiguration::sanitize;
    }

    /**
     * Masks a value whose key names a credential or secret; environment variables count too
     * ({@code INLET_CREDENTIALS_STRIPE} is {@code inlet.credentials.stripe}). Over-masking another
     * library's {@code *.secrets.*} is harmless; showing a secret is not.
     */
    static SanitizableData sanitize(SanitizableData data) {
        String key = data.getKey() == null ? "" : data.getKey().toLowerCase(Locale.ROOT).replace('_', '.');
        return SECRET_KEY.matcher(key).matches() ? data.withSanitizedValue() : data;
    }
}
