using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.People;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests.Completions;

/// <summary>The completion question on the resident's home page, answered over plain HTTP posts as a phone without script would.</summary>
public sealed class CompletionQuestionPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    private static int _serial;

    /// <summary>A duty of Pardisan marked Done now, with a title that tries to inject markup, and fresh confirmed residents there.</summary>
    private async Task<(int DutyId, string[] Mobiles)> ArrangeAsync(int residents)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var place = await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync();
        var agency = await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => a.Id).SingleAsync();
        var duty = new Duty(agency, place, null, $"روشنایی {Payload}", "", ProgrammeCalendar.DayOf(now).AddDays(5), 1, now.AddDays(-2));
        duty.Advance(DutyStatus.Accepted, 0, null, 1, now.AddDays(-1));
        duty.Advance(DutyStatus.Done, 100, "انجام شد", 1, now);
        db.Duties.Add(duty);
        var mobiles = Enumerable.Range(0, residents).Select(_ => $"0937{Interlocked.Increment(ref _serial) + 4100000:D7}").ToArray();
        db.Residents.AddRange(mobiles.Select(m => new Resident(place, "ساکن پرسش", MobileNumber.Parse(m), null, now)));
        await db.SaveChangesAsync();
        return (duty.Id, mobiles);
    }

    private async Task<T> ReadAsync<T>(Func<SalamDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SalamDbContext>());
    }

    private async Task<HttpClient> ResidentAsync(string mobile)
    {
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, mobile);
        return client;
    }

    private static Dictionary<string, string> Answer(string answer, string note = "") => new() { ["Answer"] = answer, ["Note"] = note };

    private static string Form(int dutyId) => $"[duty-{dutyId}]completion";

    [Fact]
    public async Task Five_residents_answer_no_on_their_home_pages_and_the_fifth_disputes_the_duty()
    {
        var (dutyId, mobiles) = await ArrangeAsync(5);
        for (var i = 0; i < 5; i++)
        {
            var client = await ResidentAsync(mobiles[i]);
            var home = new HtmlParser().ParseDocument(await client.GetStringAsync("/resident"));
            var question = home.QuerySelector($".completion-question[data-duty-id='{dutyId}']");
            Assert.NotNull(question);
            Assert.Equal(["Yes", "Partly", "No"], question.QuerySelectorAll("input[type=radio][name=Answer]").Select(r => r.GetAttribute("value")));
            Assert.NotNull(question.QuerySelector("textarea[name=Note]"));
            Assert.NotNull(question.QuerySelector("button.completion-answer-submit"));

            var posted = await client.SubmitAsync("/resident", Form(dutyId), Answer("No", $"هنوز تاریک است {i}"));

            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var after = await client.FollowAsync(posted);
            Assert.Contains(i == 4 ? "کارشناس استان آن را پیگیری می‌کند" : "سپاس؛ پاسخ شما ثبت شد.", after);
            Assert.DoesNotContain($"data-duty-id=\"{dutyId}\"", after);
            Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", after);
        }
        Assert.Equal(DutyStatus.Disputed, await ReadAsync(db => db.Duties.Where(d => d.Id == dutyId).Select(d => d.Status).SingleAsync()));
        Assert.Equal(5, await ReadAsync(db => db.CompletionChecks.CountAsync(c => c.DutyId == dutyId && c.Answer == CompletionAnswer.No)));
    }

    [Theory]
    [InlineData("Maybe")]
    [InlineData("7")]
    [InlineData("")]
    public async Task A_tampered_answer_is_refused_with_a_clear_message_and_nothing_is_written(string answer)
    {
        var (dutyId, mobiles) = await ArrangeAsync(1);
        var client = await ResidentAsync(mobiles[0]);

        var posted = await client.SubmitAsync("/resident", Form(dutyId), Answer(answer));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("پاسخ معتبر نیست", await posted.Content.ReadAsStringAsync());
        Assert.Equal(0, await ReadAsync(db => db.CompletionChecks.CountAsync(c => c.DutyId == dutyId)));
    }

    [Fact]
    public async Task A_replayed_answer_is_refused_and_the_first_one_stands()
    {
        var (dutyId, mobiles) = await ArrangeAsync(1);
        var client = await ResidentAsync(mobiles[0]);
        var replay = await client.ReadFormAsync("/resident", Form(dutyId));

        Assert.Equal(HttpStatusCode.Redirect, (await replay(Answer("Yes", "خوب شد"))).StatusCode);
        var again = await replay(Answer("No"));

        // The answered question is no longer on the page, so its form is gone: the post is refused before the command is sent
        // (the command refuses a second answer too: AnswerCompletionCheckTests).
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal([CompletionAnswer.Yes], await ReadAsync(db => db.CompletionChecks.Where(c => c.DutyId == dutyId).Select(c => c.Answer).ToListAsync()));
    }

    [Fact]
    public async Task The_question_shows_a_payload_in_the_duty_title_as_text()
    {
        var (dutyId, mobiles) = await ArrangeAsync(1);
        var client = await ResidentAsync(mobiles[0]);

        var html = await client.GetStringAsync("/resident");

        var question = new HtmlParser().ParseDocument(html).QuerySelector($".completion-question[data-duty-id='{dutyId}']")!;
        Assert.Empty(question.QuerySelectorAll("script, img"));
        Assert.Contains(Payload, question.QuerySelector("h3")!.TextContent);
        Assert.DoesNotContain(Payload, html);
    }

    [Fact]
    public async Task A_forged_post_without_the_antiforgery_token_writes_nothing()
    {
        var (dutyId, mobiles) = await ArrangeAsync(1);
        var client = await ResidentAsync(mobiles[0]);

        var forged = await client.SubmitForgedAsync("/resident", Form(dutyId), Answer("No"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await ReadAsync(db => db.CompletionChecks.CountAsync(c => c.DutyId == dutyId)));
    }
}
