package io.starexport.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Content;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Post;
import io.starexport.api.Target;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.List;
import java.util.Map;

/**
 * One video as a POST, or its files as MEDIA, from the video page's {@code __UNIVERSAL_DATA_FOR_REHYDRATION__}
 * data ({@code webapp.video-detail.itemInfo.itemStruct}); when the page carries no data, from
 * {@code /api/item/detail/?itemId=}. One page, no cursor.
 */
final class WebVideo implements Extractor<Item> {
    private final WebApi web;
    private final ExportQuery query;

    WebVideo(WebApi web, ExportQuery query) {
        this.web = web;
        this.query = query;
    }

    @Override
    public Page<Item> fetch(PageRequest request) {
        Target target = query.target().attributes().containsKey("short") ? web.followShortLink(query.target())
                : query.target();
        Post post = WebItems.post(itemStruct(web, target));
        List<? extends Item> items = query.content() == Content.MEDIA ? WebItems.mediaItems(post) : List.of(post);
        return Page.of(List.copyOf(items), null);
    }

    /** The {@code itemStruct} of a video target, from its page or the item-detail API. */
    static JsonNode itemStruct(WebApi web, Target target) {
        String author = target.attributes().getOrDefault("author", "_");
        boolean photo = "photo".equals(target.attributes().get("type"));
        String path = "/@" + author + (photo ? "/photo/" : "/video/") + target.id();
        JsonNode detail = web.pageData(path, "webapp.video-detail");
        if (detail == null) {
            path = "/api/item/detail/";
            detail = web.getJson(path, Map.of("itemId", target.id()), "video");
        }
        web.checkPageStatus(detail, "the video " + target.id());
        JsonNode item = detail.path("itemInfo").get("itemStruct");
        if (item == null || !item.isObject()) {
            throw ExportException.platformChanged(TikTokPlatform.ID, "itemInfo.itemStruct", "not in " + path);
        }
        return item;
    }
}
