package dev.inlet.spring;

import dev.inlet.core.Secret;
import org.springframework.core.convert.converter.Converter;

/**
 * Binds a property value straight into a {@link Secret}, so no {@code String} holding a credential
 * stays in the bound properties. An empty value fails binding without being shown.
 */
final class SecretConverter implements Converter<String, Secret> {

    @Override
    public Secret convert(String value) {
        return Secret.of(value);
    }
}
