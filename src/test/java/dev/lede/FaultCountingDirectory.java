package dev.lede;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * Counts the faults that Lucene's {@code MockDirectoryWrapper} injects beneath it, recognised by
 * the messages it gives them: it keeps no count of its own. Sits between the index and the mock.
 */
final class FaultCountingDirectory extends FilterDirectory {
    private final LongAdder faults = new LongAdder();

    FaultCountingDirectory(Directory in) {
        super(in);
    }

    /** Faults injected so far. */
    long faults() {
        return faults.sum();
    }

    /** Whether {@code e}, or anything it was caused by or suppressed, is an injected fault. */
    static boolean isInjected(Throwable e) {
        if (e == null) {
            return false;
        }
        if (isInjectedHere(e)) {
            return true;
        }
        for (Throwable s : e.getSuppressed()) {
            if (isInjected(s)) {
                return true;
            }
        }
        return e.getCause() != e && isInjected(e.getCause());
    }

    private static boolean isInjectedHere(Throwable e) {
        String m = e.getMessage();
        return m != null && (m.startsWith("a random IOException") || m.startsWith("fake disk full"));
    }

    private IOException count(IOException e) {
        if (isInjectedHere(e)) {
            faults.increment();
        }
        return e;
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        try {
            return new Output(in.createOutput(name, context));
        } catch (IOException e) {
            throw count(e);
        }
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        try {
            return new Output(in.createTempOutput(prefix, suffix, context));
        } catch (IOException e) {
            throw count(e);
        }
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        try {
            return in.openInput(name, context);
        } catch (IOException e) {
            throw count(e);
        }
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
        try {
            in.sync(names);
        } catch (IOException e) {
            throw count(e);
        }
    }

    /** The mock injects its faults when a file is created, on its first write, and when disk is full. */
    private final class Output extends FilterIndexOutput {
        Output(IndexOutput out) {
            super("counted " + out, out.getName(), out);
        }

        @Override
        public void writeByte(byte b) throws IOException {
            try {
                out.writeByte(b);
            } catch (IOException e) {
                throw count(e);
            }
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
            try {
                out.writeBytes(b, offset, length);
            } catch (IOException e) {
                throw count(e);
            }
        }
    }
}
