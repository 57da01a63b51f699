package dev.inlet.core.validation;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Jackson's annotation handling, plus one convention for creator parameters (record components and
 * {@code @JsonCreator} arguments): a parameter is required and must not be null unless its type is
 * {@link Optional} (or {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble}). Jackson
 * then fails the mapping of a record that lacks one, naming the property, instead of quietly
 * passing {@code null} or {@code 0}.
 */
final class StrictIntrospector extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public Boolean hasRequiredMarker(MapperConfig<?> config, AnnotatedMember member) {
        if (member instanceof AnnotatedParameter) {
            return !isOptional(member.getRawType());
        }
        return super.hasRequiredMarker(config, member);
    }

    @Override
    public JsonSetter.Value findSetterInfo(MapperConfig<?> config, Annotated annotated) {
        JsonSetter.Value declared = super.findSetterInfo(config, annotated);
        if (annotated instanceof AnnotatedParameter parameter && !isOptional(parameter.getRawType())
                && declared.getValueNulls() == Nulls.DEFAULT) {
            return declared.withValueNulls(Nulls.FAIL);
        }
        return declared;
    }

    static boolean isOptional(Class<?> type) {
        return type == Optional.class || type == OptionalInt.class || type == OptionalLong.class
                || type == OptionalDouble.class;
    }
}
