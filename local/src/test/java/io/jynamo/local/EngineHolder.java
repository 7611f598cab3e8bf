package io.jynamo.local;

import java.util.concurrent.CountDownLatch;

/**
 * A program that starts the local engine, prints its process id, then ends in the way the
 * argument names; {@link EngineLifetimeTest} runs it in a JVM of its own.
 */
final class EngineHolder {

    private EngineHolder() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "return" -> announce(LocalDynamo.shared());
            case "wait" -> {
                announce(LocalDynamo.shared());
                new CountDownLatch(1).await();
            }
            case "destroyed-thread-group" -> {
                // What mvn exec:java does: main runs in a thread group that is destroyed once it returns.
                ThreadGroup group = new ThreadGroup("isolated");
                Thread main = new Thread(group, () -> announce(LocalDynamo.shared()), "isolated-main");
                main.start();
                main.join();
                group.destroy();
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void announce(LocalDynamo engine) {
        System.out.println("engine " + engine.pid());
        System.out.flush();
    }
}
