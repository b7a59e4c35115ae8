package io.orgshell.api;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link DirectoryUser} straight off the token stream: an export reads one per account, and the generic
 * record path (a buffer of creator arguments, a reflective constructor call) cost more than the parsing itself. The
 * result is the one databind would give: every field optional, unknown ones skipped, and any value of an unexpected
 * shape handed to databind as it is, so its coercions and its errors stay the same.
 */
final class DirectoryUserReader extends ValueDeserializer<DirectoryUser> {

    @Override
    public DirectoryUser deserialize(JsonParser p, DeserializationContext ctxt) {
        if (!p.hasToken(JsonToken.START_OBJECT) && !p.hasToken(JsonToken.PROPERTY_NAME)) {
            return (DirectoryUser) ctxt.handleUnexpectedToken(DirectoryUser.class, p);
        }
        String accountId = null;
        String accountType = null;
        String name = null;
        String nickname = null;
        String email = null;
        String status = null;
        String accountStatus = null;
        String membershipStatus = null;
        String claimStatus = null;
        String managementSource = null;
        List<String> platformRoles = null;
        String jobTitle = null;
        String department = null;
        String organization = null;
        String location = null;
        String timeZone = null;
        String addedToOrg = null;
        Boolean forDeletion = null;
        String deactivatedOn = null;
        List<DirectoryUser.GroupRef> groups = null;
        List<DirectoryUser.ProductActivity> productAccess = null;
        Boolean mfaEnabled = null;
        for (String field = firstName(p); field != null; field = p.nextName()) {
            p.nextToken();
            switch (field) {
                case "accountId" -> accountId = text(p, ctxt);
                case "accountType" -> accountType = text(p, ctxt);
                case "name" -> name = text(p, ctxt);
                case "nickname" -> nickname = text(p, ctxt);
                case "email" -> email = text(p, ctxt);
                case "status" -> status = text(p, ctxt);
                case "accountStatus" -> accountStatus = text(p, ctxt);
                case "membershipStatus" -> membershipStatus = text(p, ctxt);
                case "claimStatus" -> claimStatus = text(p, ctxt);
                case "managementSource" -> managementSource = text(p, ctxt);
                case "platformRoles" -> platformRoles = texts(p, ctxt);
                case "jobTitle" -> jobTitle = text(p, ctxt);
                case "department" -> department = text(p, ctxt);
                case "organization" -> organization = text(p, ctxt);
                case "location" -> location = text(p, ctxt);
                case "timeZone" -> timeZone = text(p, ctxt);
                case "addedToOrg" -> addedToOrg = text(p, ctxt);
                case "forDeletion" -> forDeletion = bool(p, ctxt);
                case "deactivatedOn" -> deactivatedOn = text(p, ctxt);
                case "groups" -> groups = groups(p, ctxt);
                case "productAccess" -> productAccess = products(p, ctxt);
                case "mfaEnabled" -> mfaEnabled = bool(p, ctxt);
                default -> p.skipChildren();
            }
        }
        return new DirectoryUser(
                accountId,
                accountType,
                name,
                nickname,
                email,
                status,
                accountStatus,
                membershipStatus,
                claimStatus,
                managementSource,
                platformRoles,
                jobTitle,
                department,
                organization,
                location,
                timeZone,
                addedToOrg,
                forDeletion,
                deactivatedOn,
                groups,
                productAccess,
                mfaEnabled);
    }

    /** The object's first property name (the parser may stand on its start or already on that name), or null. */
    private static String firstName(JsonParser p) {
        return p.hasToken(JsonToken.PROPERTY_NAME) ? p.currentName() : p.nextName();
    }

    private static String text(JsonParser p, DeserializationContext ctxt) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, String.class);
    }

    private static Boolean bool(JsonParser p, DeserializationContext ctxt) {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> ctxt.readValue(p, Boolean.class);
        };
    }

    private static List<String> texts(JsonParser p, DeserializationContext ctxt) {
        if (!p.hasToken(JsonToken.START_ARRAY)) {
            return p.hasToken(JsonToken.VALUE_NULL) ? null : ctxt.readValue(p, listOf(ctxt, String.class));
        }
        List<String> out = new ArrayList<>(2);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(text(p, ctxt));
        }
        return out;
    }

    private static List<DirectoryUser.ProductActivity> products(JsonParser p, DeserializationContext ctxt) {
        if (!p.hasToken(JsonToken.START_ARRAY)) {
            return p.hasToken(JsonToken.VALUE_NULL)
                    ? null
                    : ctxt.readValue(p, listOf(ctxt, DirectoryUser.ProductActivity.class));
        }
        List<DirectoryUser.ProductActivity> out = new ArrayList<>(4);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(product(p, ctxt));
        }
        return out;
    }

    private static DirectoryUser.ProductActivity product(JsonParser p, DeserializationContext ctxt) {
        if (!p.hasToken(JsonToken.START_OBJECT)) {
            return p.hasToken(JsonToken.VALUE_NULL) ? null : ctxt.readValue(p, DirectoryUser.ProductActivity.class);
        }
        String key = null;
        String id = null;
        String lastActiveTimestamp = null;
        for (String field = p.nextName(); field != null; field = p.nextName()) {
            p.nextToken();
            switch (field) {
                case "key" -> key = text(p, ctxt);
                case "id" -> id = text(p, ctxt);
                case "lastActiveTimestamp" -> lastActiveTimestamp = text(p, ctxt);
                default -> p.skipChildren();
            }
        }
        return new DirectoryUser.ProductActivity(key, id, lastActiveTimestamp);
    }

    /** Groups come with a search by ID only, never an export's: databind reads them. */
    private static List<DirectoryUser.GroupRef> groups(JsonParser p, DeserializationContext ctxt) {
        return p.hasToken(JsonToken.VALUE_NULL) ? null : ctxt.readValue(p, listOf(ctxt, DirectoryUser.GroupRef.class));
    }

    private static JavaType listOf(DeserializationContext ctxt, Class<?> element) {
        return ctxt.getTypeFactory().constructCollectionType(List.class, element);
    }
}
