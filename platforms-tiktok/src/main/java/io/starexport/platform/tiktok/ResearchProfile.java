package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Author;
import io.starexport.api.Profile;
import io.starexport.kit.Json;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.List;

/**
 * A profile from {@code POST /v2/research/user/info/} with {@code {"username": handle}}. The API gives no
 * account id, so the handle is the profile's id. One page, no cursor.
 */
final class ResearchProfile implements Extractor<Profile> {
    static final String FIELDS = "display_name,bio_description,avatar_url,is_verified,follower_count,following_count,"
            + "likes_count,video_count,bio_url";

    private final ResearchApi api;
    private final ExportQuery query;

    ResearchProfile(ResearchApi api, ExportQuery query) {
        this.api = api;
        this.query = query;
    }

    @Override
    public Page<Profile> fetch(PageRequest request) {
        String handle = query.target().id();
        ObjectNode body = Json.object().put("username", handle);
        return Page.of(List.of(profile(api.query("/v2/research/user/info/", FIELDS, body), handle)), null);
    }

    static Profile profile(JsonNode data, String handle) {
        String url = TikTokUrls.WEB + "/@" + handle;
        return Profile.builder().platform(TikTokPlatform.ID).id(handle).url(url)
                .author(Author.builder().handle(handle).displayName(Json.text(data, "display_name")).url(url)
                        .verified(Json.flag(data, "is_verified")).build())
                .bio(Json.text(data, "bio_description"))
                .followerCount(Json.number(data, "follower_count"))
                .followingCount(Json.number(data, "following_count"))
                .postCount(Json.number(data, "video_count"))
                .extra("likes_count", Json.number(data, "likes_count"))
                .extra("avatar_url", Json.text(data, "avatar_url"))
                .extra("bio_url", Json.text(data, "bio_url"))
                .build();
    }
}
