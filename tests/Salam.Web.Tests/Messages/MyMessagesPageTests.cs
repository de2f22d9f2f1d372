using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Localization;
using Salam.Domain.Notifications;
using Salam.Domain.People;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests.Messages;

/// <summary>The Messages section of the resident's page, used over plain HTTP posts as a phone without script would.</summary>
public sealed class MyMessagesPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private static int _serial;

    private async Task<(int Id, HttpClient Client)> ResidentAsync()
    {
        var mobile = $"0937{Interlocked.Increment(ref _serial) + 5200000:D7}";
        int id;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
            var place = await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync();
            var resident = new Resident(place, "ساکن پیامک", MobileNumber.Parse(mobile), null, DateTimeOffset.UtcNow);
            db.Residents.Add(resident);
            await db.SaveChangesAsync();
            id = resident.Id;
        }
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, mobile);
        return (id, client);
    }

    private async Task<T> ReadAsync<T>(Func<SalamDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SalamDbContext>());
    }

    private Task<string> ChoicesOfAsync(int residentId) => ReadAsync(async db => string.Join(',',
        (await db.MessageOptOuts.Where(o => o.ResidentId == residentId).Select(o => o.Kind).ToListAsync()).Order())
        + "|" + await db.Residents.Where(r => r.Id == residentId).Select(r => r.Language).SingleAsync());

    private static Dictionary<string, string> Fields(string language, params MessageKind[] off)
    {
        var fields = MessageKinds.ResidentChoosable.Where(k => !off.Contains(k)).ToDictionary(k => $"on.{k}", _ => "on");
        fields["language"] = language;
        return fields;
    }

    private static IHtmlInputElement[] Switches(string html) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll<IHtmlInputElement>("#messages input[type=checkbox][role=switch]")];

    [Fact]
    public async Task The_page_shows_a_switch_per_kind_all_on_and_Persian_chosen()
    {
        var (_, client) = await ResidentAsync();

        var html = await client.GetStringAsync("/me");

        var switches = Switches(html);
        Assert.Equal(MessageKinds.ResidentChoosable.Select(k => $"on.{k}"), switches.Select(s => s.Name));
        Assert.All(switches, s => Assert.True(s.IsChecked));
        var languages = new HtmlParser().ParseDocument(html).QuerySelectorAll<IHtmlInputElement>("#messages input[type=radio][name=language]");
        Assert.Equal(["fa"], languages.Where(l => l.IsChecked).Select(l => l.Value));
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html);
    }

    [Fact]
    public async Task A_resident_turns_voting_opens_off_and_chooses_English_and_the_page_shows_it()
    {
        var (id, client) = await ResidentAsync();

        var posted = await client.SubmitAsync("/me", "me-messages", Fields("en", MessageKind.RoundOpened));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await client.FollowAsync(posted);
        Assert.Contains("انتخاب شما برای پیامک‌ها ذخیره شد.", after);
        Assert.Equal($"{MessageKind.RoundOpened}|en", await ChoicesOfAsync(id));
        var switches = Switches(after);
        Assert.False(switches.Single(s => s.Name == "on.RoundOpened").IsChecked);
        Assert.All(switches.Where(s => s.Name != "on.RoundOpened"), s => Assert.True(s.IsChecked));

        // Back on, and back to Persian.
        await client.SubmitAsync("/me", "me-messages", Fields("fa"));
        Assert.Equal("|fa", await ChoicesOfAsync(id));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    [InlineData("<script>alert(1)</script>")]
    public async Task A_tampered_language_is_refused_with_its_reason_and_no_switch_is_written(string language)
    {
        var (id, client) = await ResidentAsync();

        var posted = await client.SubmitAsync("/me", "me-messages", Fields(language, MessageKind.ResultsPublished));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains(Text.Get("Messages.LanguageInvalid"), new HtmlParser().ParseDocument(html).QuerySelector("#messages")!.TextContent);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Equal("|fa", await ChoicesOfAsync(id));
    }

    [Fact]
    public async Task A_posted_sign_in_code_switch_is_ignored_codes_cannot_be_turned_off()
    {
        var (id, client) = await ResidentAsync();
        var fields = Fields("fa");
        fields["on.SignInCode"] = "on";
        fields.Remove("on.ShiftReminder");

        await client.SubmitAsync("/me", "me-messages", fields);

        Assert.Equal($"{MessageKind.ShiftReminder}|fa", await ChoicesOfAsync(id));
    }
}
