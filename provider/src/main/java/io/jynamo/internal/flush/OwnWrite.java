package io.jynamo.internal.flush;

import io.jynamo.internal.dynamo.AttributeValues;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

import java.util.List;
import java.util.Map;

/**
 * Tells a real conflict from a lost response. When DynamoDB applies a conditional write but its
 * answer is lost (a read timeout), the SDK sends the same request again and its condition fails
 * against the item the first attempt left. The item the failed condition saw
 * ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}) then equals exactly what this write leaves,
 * and the write is done; anything else is someone else's change.
 */
final class OwnWrite {

    private OwnWrite() {
    }

    /**
     * Whether the item a failed condition saw is what this write leaves.
     *
     * @param old the item DynamoDB holds, {@code null} or empty when there is none
     */
    static boolean landed(Write w, Map<String, AttributeValue> old) {
        boolean absent = old == null || old.isEmpty();
        if (w instanceof Write.Delete) {
            // The item is gone, which is what the delete was for, whoever's call removed it.
            return absent;
        }
        if (absent) {
            return false;
        }
        if (w instanceof Write.Put p) {
            return AttributeValues.sameItem(p.item(), old);
        }
        Write.Update u = (Write.Update) w;
        if (u.expectedVersion() == null && u.entry().meta().version() == null) {
            return false; // an unversioned patch fails only on a missing item, handled above
        }
        for (Map.Entry<String, AttributeValue> set : u.set().entrySet()) {
            if (!AttributeValues.same(set.getValue(), old.get(set.getKey()))) {
                return false;
            }
        }
        for (String removed : u.remove()) {
            if (old.containsKey(removed)) {
                return false;
            }
        }
        return true;
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
                if (!landed(writes.get(i), r.hasItem() ? r.item() : null)) {
                    return false;
                }
            } else if (code != null && !"None".equals(code)) {
                return false;
            }
        }
        return anyConditionFailed;
    }
}
