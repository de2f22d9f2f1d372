using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Mediator;
using Microsoft.Extensions.Localization;
using Salam.Application.Common.Exceptions;
using Salam.Application.Stories.Queries.GetPublishedStories;
using Salam.Web.Localization;

namespace Salam.Web.Common;

/// <summary>
/// Published success stories as Atom feeds: the nation's and a neighbourhood's. Each entry's text is the story's Markdown turned
/// into sanitised HTML (MinutesMarkdown's two walls), its photos are enclosures and pictures with their descriptions, and every
/// address is absolute. The feeds are the same for everyone, so they are output-cached per language for a few minutes.
/// </summary>
public static class StoryFeeds
{
    public const string NationalPath = "/stories/feed.atom";
    public const string CachePolicy = "story-feeds";

    /// <summary>The tag of every cached feed, to evict them all at once.</summary>
    public const string CacheTag = "story-feeds";
    public const string MediaType = "application/atom+xml; charset=utf-8";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    public static string NeighbourhoodPath(string code) => $"/n/{Uri.EscapeDataString(code)}/stories.atom";

    public static IServiceCollection AddStoryFeeds(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(CachePolicy, feed => feed
            .Expire(CacheFor)
            .Tag(CacheTag)
            .SetVaryByRouteValue("code")
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))));

    public static void MapStoryFeeds(this WebApplication app)
    {
        app.MapGet(NationalPath, (HttpContext http, ISender sender, IStringLocalizer<UiText> text, TimeProvider clock, CancellationToken cancellationToken) =>
                FeedAsync(http, sender, new GetPublishedStories(), text["Story.FeedNational"], "/nation", clock, cancellationToken))
            .CacheOutput(CachePolicy);
        app.MapGet("/n/{code}/stories.atom", (string code, HttpContext http, ISender sender, IStringLocalizer<UiText> text, TimeProvider clock,
                CancellationToken cancellationToken) =>
                FeedAsync(http, sender, new GetPublishedStories(NeighbourhoodCode: code), null, $"/n/{Uri.EscapeDataString(code)}", clock, cancellationToken, code))
            .CacheOutput(CachePolicy);
    }

    private static async Task<IResult> FeedAsync(HttpContext http, ISender sender, GetPublishedStories query, string? title, string pagePath, TimeProvider clock,
        CancellationToken cancellationToken, string? code = null)
    {
        IReadOnlyList<PublishedStory> stories;
        try { stories = await sender.Send(query, cancellationToken); }
        catch (RequestRefusedException) { return Results.NotFound(); }

        var text = http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
        var display = http.RequestServices.GetRequiredService<DisplayFormat>();
        var site = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var self = site + http.Request.Path;
        title ??= string.Format(CultureInfo.CurrentCulture, text["Story.FeedNeighbourhood"],
            stories.Count > 0 ? display.Name(stories[0].Neighbourhood) : code);

        var feed = new SyndicationFeed(title, text["Story.FeedDescription"], new Uri(site + pagePath), self,
            stories.Count > 0 ? stories.Max(s => s.ApprovedAt) : clock.GetUtcNow())
        {
            Language = Cultures.IsPersian ? "fa" : "en",
            Items = [.. stories.Select(story => Entry(story, site, text, display))],
        };
        feed.Authors.Add(new SyndicationPerson { Name = text["App.Name"] });
        feed.Links.Add(new SyndicationLink(new Uri(self), "self", title, "application/atom+xml", 0));

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        http.Response.Headers.CacheControl = $"public, max-age={(int)CacheFor.TotalSeconds}";
        return Results.Bytes(buffer.ToArray(), MediaType);
    }

    private static SyndicationItem Entry(PublishedStory story, string site, IStringLocalizer<UiText> text, DisplayFormat display)
    {
        var page = $"{site}/n/{Uri.EscapeDataString(story.NeighbourhoodCode)}#story-{story.StoryId}";
        var item = new SyndicationItem
        {
            Id = page,
            Title = new TextSyndicationContent(story.Title, TextSyndicationContentKind.Plaintext),
            Content = new TextSyndicationContent(Html(story, site), TextSyndicationContentKind.Html),
            PublishDate = story.ApprovedAt,
            LastUpdatedTime = story.ApprovedAt,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(page), "text/html"));
        foreach (var photo in story.Photos)
        {
            item.Links.Add(new SyndicationLink(new Uri(site + StoryPhotoEndpoint.Url(photo.PhotoId)), "enclosure", photo.AltText, "image/jpeg", 0));
        }
        item.Categories.Add(new SyndicationCategory(story.Subject.ToString(), null, display.Enum(story.Subject)));
        item.Categories.Add(new SyndicationCategory(story.NeighbourhoodCode, null, display.Name(story.Neighbourhood)));
        if (story.Featured) item.Categories.Add(new SyndicationCategory("featured", null, text["Story.Featured"]));
        return item;
    }

    // The text through both walls (Markdig without HTML, then HtmlSanitizer); the pictures are ours, their descriptions encoded.
    private static string Html(PublishedStory story, string site)
    {
        var html = new StringBuilder(MinutesMarkdown.ToSafeHtml(story.Text));
        foreach (var photo in story.Photos)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p><img src=\"{site}{StoryPhotoEndpoint.Url(photo.PhotoId)}\" alt=\"{WebUtility.HtmlEncode(photo.AltText)}\" width=\"{photo.Width}\" height=\"{photo.Height}\"></p>");
        }
        return html.ToString();
    }
}
