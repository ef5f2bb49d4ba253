package io.xunshi.kernel.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Counts the bytes of a body as it is read and refuses it with a 413 problem once it passes
 * {@code xunshi.api.max-body-size}: the limit for bodies sent without a length (chunked), which
 * {@link RequestSizeLimit} cannot judge from the headers. Without it such a body would reach the HTTP
 * server's own, higher limit, which answers 413 with no body at all.
 */
@Provider
public class RequestBodyLimit implements ReaderInterceptor {

    @ConfigProperty(name = "xunshi.api.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counting(context.getInputStream(), maxBodySize.asLongValue()));
        return context.proceed();
    }

    private static final class Counting extends FilterInputStream {

        private final long max;
        private long read;

        Counting(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }
    }

    /**
     * The body passed the limit. An {@link IOException}, so that Jackson passes it on as it is instead of
     * wrapping it as a malformed field; {@link ProblemMappers} answers it with the 413 problem.
     */
    public static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super("the body is longer than " + max + " bytes, the most that is accepted");
        }

        Problem problem() {
            return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, getMessage());
        }
    }
}
