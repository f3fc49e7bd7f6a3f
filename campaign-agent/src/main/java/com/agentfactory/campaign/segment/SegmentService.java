package com.agentfactory.campaign.segment;

import com.agentfactory.messaging.paging.PageResponse;
import java.time.Clock;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sizes segment rules against the customer read model and keeps the saved ones. */
@Service
class SegmentService {

    private final SegmentQueries queries;
    private final SavedSegmentRepository segments;
    private final Clock clock;

    SegmentService(SegmentQueries queries, SavedSegmentRepository segments, Clock clock) {
        this.queries = queries;
        this.segments = segments;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SegmentPreviewResponse preview(SegmentPreviewRequest request) {
        CompiledSegment compiled = SegmentRules.compile(request.rules(), "rules");
        queries.limitStatementTime();
        try {
            return new SegmentPreviewResponse(
                    queries.count(compiled), queries.sample(compiled, request.effectiveSampleSize()));
        } catch (QueryTimeoutException e) {
            // PostgreSQL cancelled the statement at the timeout set above
            throw new SegmentPreviewTimedOutException(e);
        }
    }

    @Transactional
    public SegmentResponse create(CreateSegmentRequest request, String actor) {
        SegmentRules.compile(request.rules(), "rules");
        String name = request.name().strip();
        if (segments.existsByNameIgnoreCase(name)) {
            throw new SegmentNameTakenException(name);
        }
        try {
            SavedSegment saved = segments.saveAndFlush(new SavedSegment(
                    name, request.description(), SegmentRules.toJson(request.rules()), actor, clock.instant()));
            return SegmentResponse.of(saved);
        } catch (DataIntegrityViolationException e) {
            // two saves of one name at once: the unique index decides
            throw new SegmentNameTakenException(name);
        }
    }

    @Transactional(readOnly = true)
    public SegmentResponse get(UUID id) {
        return SegmentResponse.of(find(id));
    }

    @Transactional(readOnly = true)
    public PageResponse<SegmentResponse> list(int page, int limit) {
        Page<SavedSegment> found = segments.findAll(
                PageRequest.of(page - 1, limit, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
        return PageResponse.of(found.map(SegmentResponse::of).getContent(), found.getTotalElements(), page, limit);
    }

    @Transactional(readOnly = true)
    public SegmentPreviewResponse previewSaved(UUID id, int sampleSize) {
        SavedSegment segment = find(id);
        return preview(new SegmentPreviewRequest(SegmentRules.fromJson(segment.rule()), sampleSize));
    }

    private SavedSegment find(UUID id) {
        return segments.findById(id).orElseThrow(() -> new SegmentNotFoundException(id));
    }
}
