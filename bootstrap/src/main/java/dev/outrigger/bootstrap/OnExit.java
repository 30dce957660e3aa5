package dev.outrigger.bootstrap;

/**
 * A hook called before each return of a method, with what the method returns, {@code this} and its first argument;
 * what it answers is returned instead.
 *
 * @param <R> the method's return type
 * @param <S> the class declaring the method (or a supertype)
 * @param <A> its first argument's type ({@code Object} when unused or primitive)
 */
public abstract class OnExit<R, S, A> extends Hook {

    public abstract R exit(R returned, S self, A firstArgument) throws Exception;

    @SuppressWarnings("unchecked")
    @Override
    final Object call(Object value, Object self, Object argument) throws Exception {
        return exit((R) value, (S) self, (A) argument);
    }
}
