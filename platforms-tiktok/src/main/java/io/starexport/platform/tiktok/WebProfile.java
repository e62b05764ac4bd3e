package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.ExportException;
import io.starexport.api.Profile;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.List;

/** A profile from the user page's rehydration data ({@code webapp.user-detail.userInfo}). One page, no cursor. */
final class WebProfile implements Extractor<Profile> {
    private final WebApi web;
    private final ExportQuery query;

    WebProfile(WebApi web, ExportQuery query) {
        this.web = web;
        this.query = query;
    }

    @Override
    public Page<Profile> fetch(PageRequest request) {
        return Page.of(List.of(WebItems.profile(userInfo(web, query.target().id()), query.target().id())), null);
    }

    /** The {@code userInfo} object of a user page, after checking its status. */
    static JsonNode userInfo(WebApi web, String handle) {
        String path = "/@" + handle;
        JsonNode detail = web.pageData(path, "webapp.user-detail");
        if (detail == null) {
            throw ExportException.platformChanged(TikTokPlatform.ID, "__UNIVERSAL_DATA_FOR_REHYDRATION__",
                    "the user page " + path + " has no page data");
        }
        web.checkPageStatus(detail, "the user @" + handle);
        JsonNode info = detail.get("userInfo");
        if (info == null || !info.path("user").isObject()) {
            throw ExportException.platformChanged(TikTokPlatform.ID, "webapp.user-detail.userInfo.user", "missing");
        }
        return info;
    }
}
