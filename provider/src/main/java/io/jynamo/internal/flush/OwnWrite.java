package io.jynamo.internal.flush;

import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

import java.util.List;

/**
 * Tells a real conflict from a lost response. When DynamoDB applies a conditional write but its
 * answer is lost (a read timeout), the SDK sends the same request again and its condition fails
 * against the item the first attempt left. The item the failed condition saw
 * ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}) then equals exactly what this write leaves,
 * and the write is done; anything else is someone else's change. Each kind of {@link Write} tells
 * this of itself ({@link Write#landed}); here is the rule for a whole transaction.
 */
final class OwnWrite {

    private OwnWrite() {
    }

    /**
     * Whether a cancelled transaction was a resend of one that landed: every failed condition saw the
     * item its own write leaves, and nothing else cancelled it.
     */
    static boolean transactionLanded(List<Write> writes, List<CancellationReason> reasons) {
        if (reasons.size() != writes.size()) {
            return false;
        }
        boolean anyConditionFailed = false;
        for (int i = 0; i < reasons.size(); i++) {
            CancellationReason r = reasons.get(i);
            String code = r.code();
            if ("ConditionalCheckFailed".equals(code)) {
                anyConditionFailed = true;
                if (!writes.get(i).landed(r.hasItem() ? r.item() : null)) {
                    return false;
                }
            } else if (code != null && !"None".equals(code)) {
                return false;
            }
        }
        return anyConditionFailed;
    }
}
