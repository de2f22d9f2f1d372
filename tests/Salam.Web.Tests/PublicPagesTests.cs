using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Infrastructure.Persistence;
using Salam.Testing;
using Salam.Application.Stories.Commands.AddStoryPhoto;
using Salam.Application.Stories.Commands.FeatureStory;
using Salam.Application.Stories.Commands.ReviewStory;
using Salam.Application.Stories.Commands.SubmitStory;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.Stories;
using Salam.Web.Tests.Stories;

namespace Salam.Web.Tests;

/// <summary>
/// The public pages over HTTP (/n/{code}, /p/{code}, /nation): anyone reads them without signing in, as plain HTML with no
/// script; anonymous responses are cached (output cache and Cache-Control public) and a signed-in caller's never are; the
/// address names the language; people's text is escaped; a cold load stays under 100 KB, fonts aside.
/// </summary>
public sealed class PublicPagesTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private const string Pardisan = "/n/QOM-01-001";
    private static readonly string[] Pages = [Pardisan, "/p/QOM", "/nation"];

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, bool compressed = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (compressed) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData(Pardisan)]
    [InlineData("/p/QOM")]
    [InlineData("/nation")]
    public async Task Anyone_reads_a_public_page_without_signing_in_as_plain_html_with_no_script(string url)
    {
        var response = await factory.NewClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("MudBlazor", html, StringComparison.Ordinal);
        Assert.DoesNotContain("_framework", html, StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("fa", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("a.public-switch[href^='/culture?culture=en-US']"));
    }

    [Fact]
    public async Task The_neighbourhood_page_shows_its_duties_with_status_and_withholds_small_counts()
    {
        var page = new HtmlParser().ParseDocument(await factory.NewClient().GetStringAsync(Pardisan));

        Assert.NotEmpty(page.QuerySelectorAll(".public-duty[data-duty-id] .public-duty-status"));
        Assert.NotEmpty(page.QuerySelectorAll(".public-count-withheld"));
        Assert.All(page.QuerySelectorAll(".public-count-withheld"), c => Assert.Equal("کمتر از ۵", c.TextContent));
        Assert.NotNull(page.QuerySelector("a[href='/p/QOM']"));
        Assert.NotNull(page.QuerySelector("a[href='/open/neighbourhoods/QOM-01-001.csv']"));
    }

    [Theory]
    [InlineData(Pardisan)]
    [InlineData("/p/QOM")]
    [InlineData("/nation")]
    public async Task An_anonymous_reader_gets_a_public_cacheable_page_without_a_cookie_and_the_next_one_gets_it_from_the_cache(string url)
    {
        var first = await factory.NewClient().GetAsync(url + "?culture=en-US");
        var second = await factory.NewClient().GetAsync(url + "?culture=en-US");

        Assert.Equal("public, max-age=300", first.Headers.CacheControl?.ToString());
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("Cookie", first.Headers.Vary);
        Assert.True(second.Headers.Age is not null, "the second reader is served from the output cache");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_language_in_the_address_the_page_varies_by_cookie_and_follows_the_culture_cookie()
    {
        var persian = await factory.NewClient().GetAsync("/nation?fresh=cookie");
        var client = factory.NewClient();
        await client.GetAsync("/culture?culture=en-US&returnUrl=/nation");
        var english = await client.GetAsync("/nation?fresh=cookie");

        Assert.Contains("Cookie", persian.Headers.Vary);
        Assert.Contains("lang=\"fa\"", await persian.Content.ReadAsStringAsync());
        Assert.Contains("lang=\"en\"", await english.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_callers_page_is_private_and_never_served_to_anyone_else()
    {
        var staff = factory.NewClient();
        await staff.SignInStaffAsync("ministry");

        var signedIn = await staff.GetAsync("/p/QOM?culture=en-US&fresh=signed-in");
        var anyone = await factory.NewClient().GetAsync("/p/QOM?culture=en-US&fresh=signed-in");

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.True(signedIn.Headers.CacheControl is { Private: true, NoStore: true, Public: false }, signedIn.Headers.CacheControl?.ToString());
        Assert.Null(anyone.Headers.Age);
        Assert.Equal("public, max-age=300", anyone.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/n/NO-SUCH-PLACE")]
    [InlineData("/p/NOPE")]
    public async Task An_unknown_place_answers_404_and_is_not_cached_publicly(string url)
    {
        var response = await factory.NewClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("public, max-age=300", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Payloads_in_a_centre_name_a_need_title_a_duty_title_and_its_note_are_shown_as_text()
    {
        const string script = "<script>alert('x')</script>";
        const string image = "<img src=x onerror=alert(1)>";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
            var place = await db.Neighbourhoods.Include(n => n.Centre).SingleAsync(n => n.Code == "QOM-01-002");
            db.Entry(place.Centre!).Property(c => c.NameEn).CurrentValue = script;
            var duty = await db.Duties.Include(d => d.Updates).Where(d => d.NeighbourhoodId == place.Id && d.NeedId != null).OrderBy(d => d.Id).FirstAsync();
            db.Entry(duty).Property(d => d.Title).CurrentValue = image;
            var need = await db.Needs.SingleAsync(n => n.Id == duty.NeedId);
            db.Entry(need).Property(n => n.Title).CurrentValue = "javascript:alert(1) " + script;
            var last = duty.Updates.OrderByDescending(u => u.At).ThenByDescending(u => u.Id).First();
            db.Entry(last).Property(u => u.Note).CurrentValue = image + script;
            await db.SaveChangesAsync();
        }

        var html = await factory.NewClient().GetStringAsync("/n/QOM-01-002?culture=en-US");

        Assert.DoesNotContain(script, html);
        Assert.DoesNotContain(image, html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Empty(page.QuerySelectorAll("script, img[onerror], a[href^='javascript']"));
    }

    [Fact]
    public async Task Approved_stories_show_on_the_neighbourhood_page_with_a_lazy_sized_photo_and_their_title_as_text_and_featured_ones_nationally()
    {
        const string title = "<script>alert('story')</script>";
        // Through the real commands, as the demo accounts who may send them (StoryScene's place lookup does not run on PostgreSQL).
        int pardisan;
        await using (var scope = factory.Services.CreateAsyncScope())
            pardisan = await scope.ServiceProvider.GetRequiredService<SalamDbContext>().Neighbourhoods.Where(n => n.Code == "QOM-01-001").Select(n => n.Id).SingleAsync();
        Task<StoryWritten> SendAsync(string user, Mediator.IMessage request) => factory.SendAsStaffAsync<StoryWritten>(user, request);
        async Task<StoryWritten> ApprovedAsync(string storyTitle, string text, bool withPhoto, bool feature = false)
        {
            var story = await SendAsync(StoryScene.Facilitator, new WriteStory(null, pardisan, StorySubject.CentreInitiative, storyTitle, text, null, null, null));
            if (withPhoto) story = await SendAsync(StoryScene.Facilitator, new AddStoryPhoto(story.StoryId, StoryScene.Png, "نیمکت‌های تازهٔ پارک", story.Version));
            story = await SendAsync(StoryScene.Facilitator, new SubmitStory(story.StoryId, story.Version));
            story = await SendAsync(StoryScene.Officer, new ApproveStory(story.StoryId, story.Version));
            return feature ? await SendAsync(StoryScene.Ministry, new FeatureStory(story.StoryId, true, story.Version)) : story;
        }
        var approved = await ApprovedAsync(title, "متن **پررنگ** <img src=x onerror=alert(1)>", withPhoto: true);
        var draft = await SendAsync(StoryScene.Facilitator, new WriteStory(null, pardisan, StorySubject.CentreInitiative, "پیش‌نویس داستان", "متن", null, null, null));
        var featured = await ApprovedAsync("داستان برگزیده", "متن", withPhoto: false, feature: true);
        int photo;
        await using (var scope = factory.Services.CreateAsyncScope())
            photo = await scope.ServiceProvider.GetRequiredService<SalamDbContext>().StoryPhotos.Where(p => p.StoryId == approved.StoryId).Select(p => p.Id).SingleAsync();

        var html = await factory.NewClient().GetStringAsync(Pardisan + "?culture=en-US&fresh=stories");
        var page = new HtmlParser().ParseDocument(html);
        var national = new HtmlParser().ParseDocument(await factory.NewClient().GetStringAsync("/nation?fresh=stories"));

        var shown = page.QuerySelectorAll(".public-story[data-story-id]").Select(s => int.Parse(s.GetAttribute("data-story-id")!)).ToList();
        Assert.Contains(approved.StoryId, shown);
        Assert.Contains(featured.StoryId, shown);
        Assert.DoesNotContain(draft.StoryId, shown);
        var story = page.QuerySelector($".public-story[data-story-id='{approved.StoryId}']")!;
        Assert.Equal(title, story.QuerySelector("h3")!.TextContent);
        Assert.DoesNotContain(title, html);
        Assert.Empty(page.QuerySelectorAll("script, img[onerror]"));
        var img = story.QuerySelector("img.public-story-photo")!;
        Assert.Equal($"/stories/photos/{photo}.jpg", img.GetAttribute("src"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.False(string.IsNullOrEmpty(img.GetAttribute("width")) || string.IsNullOrEmpty(img.GetAttribute("height")));
        Assert.Equal("نیمکت‌های تازهٔ پارک", img.GetAttribute("alt"));
        Assert.NotNull(page.QuerySelector("a[href='/n/QOM-01-001/stories.atom']"));
        var nationally = national.QuerySelectorAll(".public-story[data-story-id]").Select(s => int.Parse(s.GetAttribute("data-story-id")!)).ToList();
        Assert.Equal([featured.StoryId], nationally);
    }

    [Theory]
    [InlineData(Pardisan)]
    [InlineData("/p/QOM")]
    [InlineData("/nation")]
    public async Task A_cold_load_weighs_under_100_KB_fonts_aside(string url)
    {
        var client = factory.NewClient();
        var response = await GetAsync(client, url, compressed: true);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        var html = new HtmlParser().ParseDocument(await (await client.GetAsync(url)).Content.ReadAsStringAsync());
        foreach (var href in html.QuerySelectorAll("link[rel=stylesheet]").Select(l => "/" + l.GetAttribute("href")!.TrimStart('/')))
            bytes += (await (await GetAsync(client, href, compressed: true)).Content.ReadAsByteArrayAsync()).Length;

        Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
        Assert.True(bytes < 100 * 1024, $"{url}: {bytes} bytes");
    }
}
