package io.orgshell.api;

/** The server could not be reached, or the connection failed before a complete answer arrived. */
public class ApiConnectionException extends RuntimeException {

    private final String request;

    public ApiConnectionException(String message, String request, Throwable cause) {
        super(message, cause);
        this.request = request;
    }

    public String request() {
        return request;
    }
}
