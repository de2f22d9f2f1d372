using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Testing;
using Salam.Web.Common;

namespace Salam.Web.Tests.Stories;

/// <summary>
/// The Atom feeds of published stories over the real app, without sign-in: well-formed Atom with absolute addresses, only approved
/// stories, a neighbourhood's only its own, and whatever a story's writer typed comes out as text or sanitised HTML.
/// </summary>
public sealed class StoryFeedTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly StoryScene _scene = StoryScene.Of(factory);

    [Fact]
    public async Task The_national_feed_is_valid_atom_with_approved_stories_only_and_absolute_addresses()
    {
        var approved = await _scene.ApprovedAsync(title: "باغچهٔ مدرسه", withPhoto: true);
        var submitted = await _scene.SubmittedAsync(title: "هنوز در انتظار تأیید");
        var draft = await _scene.WriteAsync(title: "پیش‌نویس محرمانه");

        var (response, xml) = await FeedAsync(StoryFeeds.NationalPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(xml);
        Assert.Equal(Atom + "feed", document.Root?.Name);
        Assert.Contains(document.Root!.Elements(Atom + "author").Elements(Atom + "name"), name => name.Value.Length > 0);
        Assert.NotEmpty(document.Root.Element(Atom + "updated")?.Value ?? "");
        Assert.Contains(document.Root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && ((string?)l.Attribute("href"))!.StartsWith("http://localhost/"));
        foreach (var entry in document.Root.Elements(Atom + "entry"))
        {
            Assert.NotEmpty(entry.Element(Atom + "id")?.Value ?? "");
            Assert.NotEmpty(entry.Element(Atom + "updated")?.Value ?? "");
            Assert.NotNull(entry.Element(Atom + "title"));
            Assert.All(entry.Elements(Atom + "link"), l => Assert.True(Uri.TryCreate((string?)l.Attribute("href"), UriKind.Absolute, out _)));
        }

        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(xml)));
        var titles = feed.Items.Select(i => i.Title.Text).ToList();
        Assert.Contains("باغچهٔ مدرسه", titles);
        Assert.DoesNotContain("هنوز در انتظار تأیید", titles);
        Assert.DoesNotContain("پیش‌نویس محرمانه", titles);
        _ = (submitted, draft);

        var entryOf = feed.Items.Single(i => i.Title.Text == "باغچهٔ مدرسه");
        var photo = Assert.Single(entryOf.Links, l => l.RelationshipType == "enclosure");
        Assert.Equal("image/jpeg", photo.MediaType);
        var photoResponse = await factory.NewClient().GetAsync(photo.Uri.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, photoResponse.StatusCode);
        Assert.Equal(approved.StoryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            entryOf.Id[(entryOf.Id.LastIndexOf('-') + 1)..]);
    }

    [Fact]
    public async Task Script_and_handlers_in_a_title_or_text_come_out_as_text_or_not_at_all()
    {
        const string title = "<script>alert('t')</script><img src=x onerror=alert(1)>";
        const string text = "**خوب** بود\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[بیشتر](javascript:alert(3))\n\n<a href=\"javascript:alert(4)\">x</a>";
        await _scene.ApprovedAsync(title: title, text: text);

        var (_, xml) = await FeedAsync(StoryFeeds.NationalPath);

        // No element of the feed itself is a script: the payload is character data wherever it appears.
        var document = XDocument.Parse(xml);
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "script" or "img");
        var entry = document.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")?.Value == title);
        Assert.Equal("text", (string?)entry.Element(Atom + "title")!.Attribute("type") ?? "text");

        var content = entry.Element(Atom + "content")!;
        Assert.Equal("html", (string?)content.Attribute("type"));
        var html = new HtmlParser().ParseFragment(content.Value, new HtmlParser().ParseDocument("").Body!);
        var all = html.SelectMany(n => n is AngleSharp.Dom.IElement e ? [e, .. e.QuerySelectorAll("*")] : Array.Empty<AngleSharp.Dom.IElement>()).ToList();
        Assert.Equal("خوب", Assert.Single(all, e => e.LocalName == "strong").TextContent);
        Assert.DoesNotContain(all, e => e.LocalName is "script" or "img");
        Assert.DoesNotContain(all, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(all, e => (e.GetAttribute("href") ?? "").Contains("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_neighbourhoods_feed_holds_its_own_stories_and_another_neighbourhoods_does_not()
    {
        await _scene.ApprovedAsync(title: "کارگاه خیاطی پردیسان");
        var (_, pardisan) = await _scene.PardisanAsync();

        var (response, xml) = await FeedAsync(StoryFeeds.NeighbourhoodPath(pardisan));
        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(xml)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(feed.Items, i => i.Title.Text == "کارگاه خیاطی پردیسان");
        Assert.All(feed.Items, i => Assert.Contains($"/n/{pardisan}", i.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri));

        var other = await OtherNeighbourhoodCodeAsync(pardisan);
        var (_, otherXml) = await FeedAsync(StoryFeeds.NeighbourhoodPath(other));
        Assert.DoesNotContain(SyndicationFeed.Load(XmlReader.Create(new StringReader(otherXml))).Items, i => i.Title.Text == "کارگاه خیاطی پردیسان");
    }

    [Fact]
    public async Task The_feed_is_public_for_a_few_minutes_cached_on_the_server_and_varies_by_language()
    {
        await _scene.ApprovedAsync(title: "نخستین");
        var client = factory.NewClient();
        await EvictAsync();

        var first = await client.GetAsync(StoryFeeds.NationalPath);
        Assert.True(first.Headers.CacheControl?.Public);
        Assert.InRange(first.Headers.CacheControl?.MaxAge ?? TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        var cached = await first.Content.ReadAsStringAsync();

        await _scene.ApprovedAsync(title: "پس از نسخهٔ ذخیره‌شده");
        Assert.Equal(cached, await client.GetStringAsync(StoryFeeds.NationalPath));

        using var english = new HttpRequestMessage(HttpMethod.Get, StoryFeeds.NationalPath);
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var inEnglish = await (await factory.CreateClient().SendAsync(english)).Content.ReadAsStringAsync();
        Assert.Contains("xml:lang=\"en\"", inEnglish);
        Assert.Contains("xml:lang=\"fa\"", cached);

        await EvictAsync();
        Assert.Contains("پس از نسخهٔ ذخیره‌شده", await client.GetStringAsync(StoryFeeds.NationalPath));
    }

    private async Task<(HttpResponseMessage Response, string Xml)> FeedAsync(string path)
    {
        // Other tests of this class approve stories between reads: start each read from the database, not the cache.
        await EvictAsync();
        var response = await factory.NewClient().GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private Task EvictAsync() => factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(StoryFeeds.CacheTag, default).AsTask();

    private async Task<string> OtherNeighbourhoodCodeAsync(string pardisan)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Salam.Infrastructure.Persistence.SalamDbContext>();
        return await db.Neighbourhoods.Where(n => n.Code != pardisan).Select(n => n.Code).FirstAsync();
    }
}
