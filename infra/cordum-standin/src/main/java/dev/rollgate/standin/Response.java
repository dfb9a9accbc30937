package dev.rollgate.standin;

/** What a handler answers: a status and a JSON-serialisable body. */
record Response(int status, Object body) {
    static Response ok(Object body) {
        return new Response(200, body);
    }
}
