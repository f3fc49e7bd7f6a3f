package com.agentfactory.ad.exchange;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The subset of OpenRTB 2.6 the bid API reads and writes. Unknown fields are ignored, as the specification asks of
 * bidders; field names are OpenRTB's own (all lower case, so the service's snake_case naming leaves them alone).
 */
final class OpenRtb {

    private OpenRtb() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BidRequest(
            @NotBlank @Size(max = 64) String id,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid Imp> imp,
            @Valid Site site,
            @Valid App app,
            @Valid Device device,
            @Valid User user,
            @Size(max = 10) List<@Pattern(regexp = "[A-Z]{3}") String> cur) {}

    /**
     * @param tagid the publisher's identifier of the ad slot
     * @param instl 1 for an interstitial (pop-up) slot, 0 or absent for an inline one
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Imp(
            @NotBlank @Size(max = 64) String id,
            @Valid Banner banner,
            @DecimalMin("0.0") Double bidfloor,

            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
            String bidfloorcur,

            @Size(max = 200) String tagid,
            @Min(0) @Max(1) Integer instl) {}

    /** @param pos the ad position (OpenRTB list 5.4): 1 above the fold, 3 below it, 0 unknown, ... */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Banner(
            @Min(1) @Max(10000) Integer w,
            @Min(1) @Max(10000) Integer h,
            @Min(0) @Max(7) Integer pos) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Site(
            @Size(max = 200) String id,
            @Size(max = 200) String domain,
            @Size(max = 2000) String page) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record App(@Size(max = 200) String id, @Size(max = 200) String bundle) {}

    /** @param os the device's operating system, as {@code Android}, {@code iOS}, {@code Windows} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Device(
            @Size(max = 1000) String ua,
            @Size(max = 64) String ip,
            @Valid Geo geo,
            @Size(max = 64) String os) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Geo(
            @Size(max = 16) String country,
            @Size(max = 16) String region,
            @Size(max = 64) String city) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(@Size(max = 200) String id) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BidResponse(String id, List<SeatBid> seatbid, String cur) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SeatBid(List<Bid> bid, String seat) {}

    /**
     * {@code cid} and {@code crid} name our campaign and creative; the win notice sends them back, to the
     * {@code nurl}, whose signed token says which bid it is, at what price and when (see {@link WinNotices}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Bid(String id, String impid, double price, String cid, String crid, List<String> adomain, String nurl) {}
}
