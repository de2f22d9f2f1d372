using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Salam.Application.Needs.Queries.GetNeighbourhoodNeeds;
using Salam.Application.Rounds.Commands.SubmitPaperBallot;
using Salam.Application.Rounds.PaperBatches.ClosePaperBatch;
using Salam.Application.Rounds.PaperBatches.OpenPaperBatch;
using Salam.Application.Rounds.Queries.GetNeighbourhoodRounds;
using Salam.Application.Staff.Commands.CreateStaffAccount;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Testing;
using Salam.Web.Components.Pages.Facilitators;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The facilitator's paper desk over the real application: open a batch, enter its sheets, close it, and a colleague countersigns.</summary>
public sealed class PaperBatchPanelTests : StaffComponentTest
{
    private static Task<(int Place, int RoundId, List<int> Needs)> PardisanAsync(TestApp app) => app.ReadAsync(async db =>
    {
        var round = await db.PriorityRounds.AsNoTracking().Include(r => r.Needs)
            .SingleAsync(r => r.Status == RoundStatus.Open && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان"));
        return (round.NeighbourhoodId, round.Id, round.Needs.Select(n => n.NeedId).ToList());
    });

    private async Task<IRenderedComponent<PaperBatchesPanel>> RenderPanelAsync(TestApp app, string userName, int place)
    {
        var staff = await app.PrincipalOfAsync(userName);
        var rounds = await app.SendAsync<NeighbourhoodRounds>(staff, new GetNeighbourhoodRounds(place));
        var needs = await app.SendAsync<IReadOnlyList<NeedRow>>(staff, new GetNeighbourhoodNeeds(place));
        return Render<PaperBatchesPanel>(p => p.Add(r => r.Rounds, rounds).Add(r => r.Needs, needs));
    }

    [Fact]
    public async Task A_facilitator_opens_a_batch_in_Persian_digits_enters_its_sheet_and_closes_it_but_is_not_offered_to_countersign_it()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (place, roundId, needs) = await PardisanAsync(app);
        await SignInAsync(app, "facilitator.pardisan");
        var panel = await RenderPanelAsync(app, "facilitator.pardisan", place);

        panel.WaitForElement(".batch-declared input");
        await panel.ChangeAsync(".batch-declared input", "۱");
        await panel.ClickAsync("button.batch-open");
        var batchId = await EventuallyAsync(() => app.ReadAsync(db => db.PaperBatches.Where(b => b.RoundId == roundId).Select(b => (int?)b.Id).SingleOrDefaultAsync()), id => id is not null, "the batch opened");
        Assert.Equal(1, await app.ReadAsync(db => db.PaperBatches.Where(b => b.Id == batchId).Select(b => b.DeclaredSheets).SingleAsync()));
        panel.WaitForAssertion(() => Assert.Contains("۰ از ۱ برگه وارد شده", panel.Find(".batch-entering").TextContent));

        await panel.ChangeAsync(".national-id input", NationalIds.Valid(7001));
        await panel.ChangeAsync(".mobile input", "۰۹۳۵۱۱۱۲۲۳۳");
        await panel.ChangeAsync(".full-name input", "ساکن کاغذی");
        await panel.InvokeAsync(() => panel.FindComponents<MudSelect<int?>>()[0].Instance.ValueChanged.InvokeAsync(needs[0]));
        await panel.ClickAsync("button.paper-submit");
        await EventuallyAsync(() => app.ReadAsync(db => db.Ballots.CountAsync(b => b.PaperBatchId == batchId)), n => n == 1, "the sheet entered");
        panel.WaitForAssertion(() => Assert.Contains("۱ از ۱ برگه وارد شده", panel.Find(".batch-progress").TextContent));

        await panel.ClickAsync("button.batch-close");
        await EventuallyAsync(() => app.ReadAsync(db => db.PaperBatches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync()), s => s == PaperBatchStatus.Closed, "the batch closed");
        panel.WaitForAssertion(() => Assert.Contains(Application.Common.Localization.Text.Get("PaperBatchStatus.Closed"), panel.Find(".batch-status").TextContent));
        Assert.Empty(panel.FindAll("button.batch-countersign"));
    }

    [Fact]
    public async Task A_batch_of_sheets_that_is_not_a_number_is_not_opened()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (place, _, _) = await PardisanAsync(app);
        await SignInAsync(app, "facilitator.pardisan");
        var panel = await RenderPanelAsync(app, "facilitator.pardisan", place);

        panel.WaitForElement(".batch-declared input");
        await panel.ChangeAsync(".batch-declared input", "ده");
        await panel.ClickAsync("button.batch-open");
        await Task.Delay(500);

        Assert.Equal(0, await app.ReadAsync(db => db.PaperBatches.CountAsync()));
        Assert.Contains("یک عدد صحیح بنویسید", panel.Find(".batch-declared").TextContent);
    }

    [Fact]
    public async Task Another_facilitator_of_the_centre_sees_the_closed_batch_and_countersigns_it()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (place, roundId, needs) = await PardisanAsync(app);
        var opener = await app.PrincipalOfAsync("facilitator.pardisan");
        var batchId = await app.SendAsync<int>(opener, new OpenPaperBatch(roundId, 1));
        await app.SendAsync<PaperBallotReceipt>(opener, new SubmitPaperBallot(roundId, NationalIds.Valid(7002), "09351112244", "ساکن کاغذی", [needs[0]], batchId));
        await app.SendAsync<PaperBatchStatus>(opener, new ClosePaperBatch(batchId));
        var centre = await app.ReadAsync(db => db.Neighbourhoods.Where(n => n.Id == place).Select(n => n.CentreId!.Value).SingleAsync());
        await app.SendAsync<int>(await app.PrincipalOfAsync("officer.qom"),
            new CreateStaffAccount("second.pardisan", "تسهیلگر دوم پردیسان", "09121234500", Role.Facilitator, null, centre, null, "Farvardin-1405-Qom!"));
        await SignInAsync(app, "second.pardisan");
        var panel = await RenderPanelAsync(app, "second.pardisan", place);

        panel.WaitForElement("button.batch-countersign");
        await panel.ClickAsync("button.batch-countersign");

        await EventuallyAsync(() => app.ReadAsync(db => db.PaperBatches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync()), s => s == PaperBatchStatus.Countersigned, "the batch countersigned");
        panel.WaitForAssertion(() => Assert.Contains("تسهیلگر دوم پردیسان", panel.Find(".paper-batches").TextContent));
        Assert.Empty(panel.FindAll("button.batch-countersign"));
    }
}
