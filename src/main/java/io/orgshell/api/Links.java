package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Cursor links of a list response; {@code next} is absent, null or empty on the last page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Links(String self, String prev, String next) {

    public boolean hasNext() {
        return next != null && !next.isBlank();
    }
}
