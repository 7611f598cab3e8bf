package io.jynamo.examples.spring;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spring example runs end to end on the embedded engine, each step at its call count. */
class ShopApplicationTest {

    @Test
    void everyStepRunsWithTheCallsItShouldTake() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ConfigurableApplicationContext context = SpringApplication.run(ShopApplication.class,
                "--jynamo.table-prefix=shop-test-")) {
            ShopApplication.run(context, new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("== find a customer by email (index byEmail)\n   Bob <bob@example.com>\n   DynamoDB: {Query=1}"), out);
        assertTrue(out.contains("== place three orders in one transaction\n   [#1 12.50 OPEN, #2 7.00 OPEN, #3 30.25 OPEN]\n"
                + "   DynamoDB: {GetItem=1, PutItem=3, Query=1}"), out);
        // DynamoDB keeps numbers without trailing zeros
        assertTrue(out.contains("== Ada's orders, newest first\n   [#3 30.25 OPEN, #2 7 OPEN, #1 12.5 OPEN]\n"
                + "   DynamoDB: {Query=1}"), out);
        assertTrue(out.contains("== ship order #1 (a bulk update)\n   1 shipped\n   DynamoDB: {UpdateItem=1}"), out);
        assertTrue(out.contains("the payment service is down; Bob is still Bob"), out);
        assertTrue(out.contains("== delete Ada's orders in one batch\n   0 left"), out);
    }
}
