package dev.outrigger.bootstrap;

/**
 * A hook linked into a library class: what {@link Hooks} calls. Hooks extend {@link OnExit} or {@link OnEntry}, whose
 * typed method the compiler reaches from here through its bridge, so calling a hook needs neither reflection nor
 * method handles (a JVM's first method handles cost it tens of milliseconds).
 */
public abstract class Hook {

    Hook() {
    }

    abstract Object call(Object value, Object self, Object argument) throws Exception;
}
