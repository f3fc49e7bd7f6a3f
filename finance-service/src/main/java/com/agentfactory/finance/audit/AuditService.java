package com.agentfactory.finance.audit;

import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.messaging.time.YearRange;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
class AuditService {

    // every table with the audit_row_change trigger: one left out here has a trail no one can filter for
    static final Set<String> AUDITED_TABLES = Set.of(
            "financial_transactions",
            "budgets",
            "budget_reservations",
            "budget_alerts",
            "revenue_attributions",
            "revenue_attribution_refunds",
            "revenue_attribution_refunds_considered",
            "revenue_attribution_offsets_considered");

    private final AuditRepository audit;

    AuditService(AuditRepository audit) {
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    PageResponse<AuditEntry> list(
            String table, UUID recordId, String user, String agent, Instant from, Instant to, int page, int limit) {
        if (table != null && !AUDITED_TABLES.contains(table)) {
            throw RuleViolationException.of(
                    "table",
                    "must be one of " + AUDITED_TABLES.stream().sorted().toList());
        }
        YearRange.RECORDS.requireContains("from", from, RuleViolationException::of);
        YearRange.RECORDS.requireContains("to", to, RuleViolationException::of);
        if (from != null && to != null && !to.isAfter(from)) {
            throw RuleViolationException.of("to", "must be after from");
        }
        var query = new AuditQuery(table, recordId, user, agent, from, to, page, limit);
        return PageResponse.of(audit.page(query), audit.count(query), page, limit);
    }

    /**
     * Re-walks the chain from the genesis hash: each entry's hash must match its recomputed content,
     * link to its predecessor, and the sequence must have no gaps; the head must point at the last entry
     * (which catches a removed tail). Repeatable read gives one consistent snapshot while writers append.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ChainVerification verify(long fromSeq, int limit) {
        var head = audit.head();
        if (fromSeq > head.seq() + 1) {
            throw RuleViolationException.of(
                    "from_seq", "must be at most " + (head.seq() + 1) + ", after the last entry");
        }
        var walk = new Object() {
            long checked;
            long expectedSeq = fromSeq;
            byte[] previous;
            Long broken;
            String problem;
        };
        if (fromSeq == 1) {
            walk.previous = audit.genesisHash();
        } else {
            var before = audit.entryHash(fromSeq - 1);
            if (before.isEmpty()) {
                return ChainVerification.brokenAt(0, fromSeq - 1, "entry " + (fromSeq - 1) + " is missing");
            }
            walk.previous = before.get();
        }
        audit.walkChain(fromSeq, limit, link -> {
            if (walk.broken != null) {
                return;
            }
            walk.checked++;
            if (link.seq() != walk.expectedSeq) {
                walk.broken = walk.expectedSeq;
                walk.problem = "entry " + walk.expectedSeq + " is missing";
            } else if (!Arrays.equals(link.previousHash(), walk.previous)) {
                walk.broken = link.seq();
                walk.problem = "entry " + link.seq() + " does not link to the entry before it";
            } else if (!link.selfConsistent()) {
                walk.broken = link.seq();
                walk.problem = "entry " + link.seq() + " was changed after it was written";
            }
            walk.expectedSeq = link.seq() + 1;
            walk.previous = link.entryHash();
        });
        if (walk.broken == null && walk.checked == limit && walk.expectedSeq <= head.seq()) {
            // a bounded walk: the rest of the chain is left to the next call
            return ChainVerification.partial(walk.checked, walk.expectedSeq);
        }
        if (walk.broken != null) {
            // what lies after a break is left unchecked
            return ChainVerification.brokenAt(walk.checked, walk.broken, walk.problem);
        }
        if (head.seq() != walk.expectedSeq - 1 || !Arrays.equals(head.entryHash(), walk.previous)) {
            // the walk did reach the end of what is stored: that end is what is wrong
            return new ChainVerification(
                    false,
                    true,
                    walk.checked,
                    head.seq(),
                    "the chain ends before entry " + head.seq() + " the head records",
                    null);
        }
        return new ChainVerification(true, true, walk.checked, null, null, null);
    }
}
