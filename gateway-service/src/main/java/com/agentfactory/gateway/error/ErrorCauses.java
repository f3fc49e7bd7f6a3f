package com.agentfactory.gateway.error;

final class ErrorCauses {

    private ErrorCauses() {}

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        Throwable current = error;
        int depth = 0;
        while (current != null && depth++ < 20) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }
}
