package dev.lede;

import java.io.IOException;

/**
 * The folder holds something this version of Lede cannot open as its index: an index built with
 * another schema version, a Lucene index Lede did not make, or other files.
 */
public final class IncompatibleIndexException extends IOException {
    private static final long serialVersionUID = 1L;

    public IncompatibleIndexException(String message) {
        super(message);
    }
}
