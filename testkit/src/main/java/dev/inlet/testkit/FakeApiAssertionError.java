package dev.inlet.testkit;

/**
 * An expectation about the requests a {@link FakeApi} received failed; the message lists what was
 * expected and every request received (secrets masked), so the failure explains itself.
 */
public class FakeApiAssertionError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** @param message expected versus received */
    public FakeApiAssertionError(String message) {
        super(message);
    }
}
