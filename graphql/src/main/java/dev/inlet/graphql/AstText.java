package dev.inlet.graphql;

import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;

/** Short GraphQL text for parts of the syntax tree, for messages. */
final class AstText {

    private AstText() {
    }

    /** A type as written in a document: {@code [Int!]!}. */
    static String type(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return type(nonNull.getType()) + "!";
        }
        if (type instanceof ListType list) {
            return "[" + type(list.getType()) + "]";
        }
        return type instanceof TypeName name ? name.getName() : String.valueOf(type);
    }
}
