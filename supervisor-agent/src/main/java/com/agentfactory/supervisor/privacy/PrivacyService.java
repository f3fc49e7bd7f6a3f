package com.agentfactory.supervisor.privacy;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.error.ConflictException;
import com.agentfactory.messaging.error.NotFoundException;
import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.messaging.privacy.PrivacyAction;
import com.agentfactory.messaging.privacy.PrivacyReported;
import com.agentfactory.messaging.privacy.PrivacyRequested;
import com.agentfactory.messaging.runtime.AgentIds;
import com.agentfactory.messaging.topic.Topics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Coordinates customers' export and erasure requests: a request is stored and published on privacy.requests in one
 * transaction, each service's report is recorded once, and every step lands in the request's audit trail.
 */
@Service
public class PrivacyService {

    private static final Logger log = LoggerFactory.getLogger(PrivacyService.class);
    private static final String SENDER = AgentIds.forType("supervisor").toString();
    private static final int MAX_PENDING = 100;

    private final PrivacyRequestRepository requests;
    private final PrivacyExportPartRepository exportParts;
    private final PrivacyRequestEventRepository events;
    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final PrivacyProperties properties;
    private final Clock clock;

    PrivacyService(
            PrivacyRequestRepository requests,
            PrivacyExportPartRepository exportParts,
            PrivacyRequestEventRepository events,
            OutboxWriter outbox,
            EnvelopeCodec codec,
            PrivacyProperties properties,
            Clock clock) {
        this.requests = requests;
        this.exportParts = exportParts;
        this.events = events;
        this.outbox = outbox;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new request; one of each action at a time per customer, so a repeated click does not fan out twice. */
    @Transactional
    PrivacyRequestResponse request(UUID customerId, PrivacyAction action, Caller caller) {
        if (requests.findByCustomerIdOrderByRequestedAtDesc(customerId).stream()
                .anyMatch(open -> open.action() == action && open.status() == PrivacyRequestStatus.IN_PROGRESS)) {
            throw stillInProgress(action);
        }
        var request =
                PrivacyRequest.open(customerId, action, properties.participants(), caller.actorName(), clock.instant());
        try {
            requests.save(request);
        } catch (DataAccessException e) {
            // two requests at once both passed the check above: the one-open-per-action index decides
            if (!e.contains(DuplicateKeyException.class)) {
                throw e;
            }
            throw stillInProgress(action);
        }
        audit(request, PrivacyRequestEvent.REQUESTED, null, caller.actorName(), action.name());
        outbox.append(
                Topics.PRIVACY_REQUESTS,
                request.id().toString(),
                MessageEnvelope.builder()
                        .messageId(UUID.randomUUID())
                        .correlationId(request.id())
                        .sender(SENDER, "supervisor")
                        .recipient(null, "all")
                        .action(PrivacyRequested.ACTION)
                        .data(codec.toTree(new PrivacyRequested(request.id(), customerId, action)))
                        .build());
        return response(request);
    }

    @Transactional(readOnly = true)
    PrivacyRequestResponse get(UUID customerId, UUID requestId) {
        return response(ofCustomer(customerId, requestId));
    }

    @Transactional(readOnly = true)
    List<PrivacyRequestResponse> listOf(UUID customerId) {
        return requests.findByCustomerIdOrderByRequestedAtDesc(customerId).stream()
                .map(this::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    PageResponse<PrivacyRequestResponse> list(PrivacyRequestStatus status, int page, int limit) {
        var pageable = PageRequest.of(page - 1, limit, Sort.by(Sort.Direction.DESC, "requestedAt"));
        var found = status == null ? requests.findAll(pageable) : requests.findByStatus(status, pageable);
        return PageResponse.of(
                found.getContent().stream().map(this::summary).toList(), found.getTotalElements(), page, limit);
    }

    /** The export as one document, once every participant has reported; its download is audited. */
    @Transactional
    PrivacyExportResponse export(UUID customerId, UUID requestId, Caller caller) {
        PrivacyRequest request = ofCustomer(customerId, requestId);
        if (request.action() != PrivacyAction.EXPORT) {
            throw new ConflictException("Request " + requestId + " is an erasure; it has no export.");
        }
        if (request.status() != PrivacyRequestStatus.COMPLETED) {
            throw new ConflictException("The export is not ready: it is " + request.status()
                    + (request.awaiting().isEmpty()
                            ? "."
                            : ", waiting for " + String.join(", ", request.awaiting()) + "."));
        }
        List<PrivacyExportPart> parts = exportParts.findByRequestId(requestId);
        if (parts.isEmpty()) {
            throw new ConflictException("This export was erased with the customer's data.");
        }
        Map<String, JsonNode> services = new LinkedHashMap<>();
        parts.stream()
                .sorted(java.util.Comparator.comparing(PrivacyExportPart::participant))
                .forEach(part -> services.put(part.participant(), codec.mapper().readTree(part.data())));
        audit(request, PrivacyRequestEvent.EXPORT_DOWNLOADED, null, caller.actorName(), null);
        return new PrivacyExportResponse(request.id(), request.customerId(), request.completedAt(), services);
    }

    /** Records a participant's report from Kafka; a report this coordinator cannot place is logged and dropped. */
    @Transactional
    public void record(PrivacyReported report) {
        var request = requests.findLockedById(report.requestId()).orElse(null);
        if (request == null) {
            log.warn("Privacy report from {} for unknown request {}", report.participant(), report.requestId());
            return;
        }
        if (!request.expects(report.participant()) || request.hasReportFrom(report.participant())) {
            log.warn(
                    "Privacy report from {} for request {} was not expected or came before; ignored",
                    report.participant(),
                    report.requestId());
            return;
        }
        apply(request, report);
    }

    /** Requests a participant that reports over HTTP has not answered yet. */
    @Transactional(readOnly = true)
    List<PendingPrivacyRequestResponse> pendingFor(String participant, Caller caller) {
        checkPuller(participant, caller);
        return requests.awaitingReportFrom(participant, MAX_PENDING).stream()
                .map(r -> new PendingPrivacyRequestResponse(r.id(), r.customerId(), r.action()))
                .toList();
    }

    /** A report over HTTP; unlike Kafka's, a repeat or a stranger's report is the caller's error. */
    @Transactional
    void reportOverHttp(String participant, UUID requestId, ReportPrivacyRequest body, Caller caller) {
        checkPuller(participant, caller);
        var request = requests.findLockedById(requestId)
                .orElseThrow(() -> new NotFoundException("Privacy request " + requestId + " not found."));
        if (!request.expects(participant)) {
            throw new NotFoundException(
                    "Privacy request " + requestId + " expects no report from " + participant + ".");
        }
        if (request.hasReportFrom(participant)) {
            throw new ConflictException(participant + " has already reported on privacy request " + requestId + ".");
        }
        JsonNode data = presentOrNull(body.data());
        if (request.action() == PrivacyAction.ERASURE && data != null) {
            throw new ConflictException("An erasure report carries no data.");
        }
        apply(
                request,
                new PrivacyReported(
                        requestId,
                        participant,
                        request.action(),
                        body.records(),
                        data,
                        body.failure(),
                        clock.instant()));
    }

    /**
     * An admin's way out for a request a service never answers (its handler keeps failing, so its report never comes):
     * the request fails, naming the reason for each silent service, and the customer may ask again. Only once it is
     * overdue: before that the services may still be at work, and a second request would run beside the first.
     */
    @Transactional
    PrivacyRequestResponse giveUp(UUID customerId, UUID requestId, String reason, Caller caller) {
        if (!caller.hasRole(Caller.ADMIN)) {
            throw new NotPermittedException("Only an admin may give up a privacy request.");
        }
        var request = requests.findLockedById(requestId)
                .filter(r -> r.customerId().equals(customerId))
                .orElseThrow(() -> new NotFoundException("Privacy request " + requestId + " not found."));
        if (request.status() != PrivacyRequestStatus.IN_PROGRESS) {
            throw new ConflictException("Request " + requestId + " is " + request.status() + " already.");
        }
        var now = clock.instant();
        if (!request.overdue(now, properties.answerWithin())) {
            throw new ConflictException("Request " + requestId + " is not overdue: its services have until "
                    + request.requestedAt().plus(properties.answerWithin()) + " to answer.");
        }
        String failure = "not answered; given up by " + caller.actorName() + ": " + reason;
        List<String> silent = request.giveUp(failure, now);
        requests.save(request);
        audit(request, PrivacyRequestEvent.GIVEN_UP, null, caller.actorName(), reason);
        silent.forEach(participant ->
                audit(request, PrivacyRequestEvent.REPORT_FAILED, participant, caller.actorName(), failure));
        audit(request, PrivacyRequestEvent.FAILED, null, caller.actorName(), null);
        return response(request);
    }

    /** Export documents are personal data too: a customer's erasure deletes those kept here. */
    int eraseExportsOf(UUID customerId) {
        return exportParts.deleteAllOfCustomer(customerId);
    }

    List<PrivacyRequest> requestsOf(UUID customerId) {
        return requests.findByCustomerIdOrderByRequestedAtDesc(customerId);
    }

    private void apply(PrivacyRequest request, PrivacyReported report) {
        boolean finished = request.report(
                report.participant(), new ParticipantReport(report.records(), report.failure(), report.reportedAt()));
        JsonNode data = presentOrNull(report.data());
        if (data != null && !report.failed() && !erasedSince(request)) {
            exportParts.save(PrivacyExportPart.of(
                    request.id(), report.participant(), codec.mapper().writeValueAsString(data)));
        }
        requests.save(request);
        audit(
                request,
                report.failed() ? PrivacyRequestEvent.REPORT_FAILED : PrivacyRequestEvent.REPORTED,
                report.participant(),
                null,
                report.failed() ? report.failure() : report.records() + " records");
        if (finished) {
            audit(
                    request,
                    request.status() == PrivacyRequestStatus.COMPLETED
                            ? PrivacyRequestEvent.COMPLETED
                            : PrivacyRequestEvent.FAILED,
                    null,
                    null,
                    null);
        }
    }

    /**
     * Whether the customer asked to be erased after asking for this export: a participant slower than the erasure
     * still reports its part, which is then counted but not kept, since the erasure deleted the parts kept before it.
     */
    private boolean erasedSince(PrivacyRequest export) {
        return requests.findByCustomerIdOrderByRequestedAtDesc(export.customerId()).stream()
                .anyMatch(other -> other.action() == PrivacyAction.ERASURE
                        && !other.requestedAt().isBefore(export.requestedAt()));
    }

    /**
     * A participant's mapper may write an absent data as {@code "data": null}, which reads as a JSON null node: it
     * must count as no data, or an erasure report is refused and an export keeps {@code null} as the part.
     */
    private static JsonNode presentOrNull(JsonNode data) {
        return data == null || data.isNull() ? null : data;
    }

    /** Both the check and the unique index refuse a second open request of one kind with the same answer. */
    private static ConflictException stillInProgress(PrivacyAction action) {
        return new ConflictException("An " + action.name().toLowerCase(java.util.Locale.ROOT)
                + " request for this customer is still in progress.");
    }

    private void checkPuller(String participant, Caller caller) {
        String client = properties.pulledBy().get(participant);
        if (client == null) {
            throw new NotFoundException(participant + " does not fetch privacy requests over HTTP.");
        }
        if (!client.equals(caller.agentId())) {
            throw new NotPermittedException("Only " + participant + " may fetch and report its privacy requests.");
        }
    }

    private PrivacyRequest ofCustomer(UUID customerId, UUID requestId) {
        return requests.findById(requestId)
                .filter(r -> r.customerId().equals(customerId))
                .orElseThrow(() -> new NotFoundException("Privacy request " + requestId + " not found."));
    }

    private void audit(PrivacyRequest request, String event, String participant, String actor, String detail) {
        events.save(PrivacyRequestEvent.of(request.id(), event, participant, actor, detail, clock.instant()));
    }

    private PrivacyRequestResponse summary(PrivacyRequest request) {
        return PrivacyRequestResponse.of(request, List.of(), clock.instant(), properties.answerWithin());
    }

    private PrivacyRequestResponse response(PrivacyRequest request) {
        return PrivacyRequestResponse.of(
                request, events.findByRequestIdOrderById(request.id()), clock.instant(), properties.answerWithin());
    }
}
