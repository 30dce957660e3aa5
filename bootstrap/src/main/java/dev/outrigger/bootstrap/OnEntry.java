package dev.outrigger.bootstrap;

/**
 * A hook called at the start of a method, with its first argument, {@code this} and its second argument; what it
 * answers becomes the first argument.
 *
 * @param <A> the method's first argument's type
 * @param <S> the class declaring the method (or a supertype); or, for a hook that asks for them, the type of another
 *            of the method's arguments, as is {@code B}
 * @param <B> its second argument's type ({@code Object} when unused or primitive)
 */
public abstract class OnEntry<A, S, B> extends Hook {

    public abstract A enter(A firstArgument, S self, B secondArgument) throws Exception;

    @SuppressWarnings("unchecked")
    @Override
    final Object call(Object value, Object self, Object argument) throws Exception {
        return enter((A) value, (S) self, (B) argument);
    }
}
