using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Paging;
using Salam.Application.Completions.Queries.GetDisputedDuties;
using Salam.Application.Duties.Queries.GetAgencyNotifications;
using Salam.Domain.Duties;

namespace Salam.Application.Tests.Completions;

public sealed class DisputedDutiesTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task The_provincial_officer_sees_a_disputed_duty_with_the_residents_notes_and_no_names()
    {
        var duty = await App.DoneDutyAsync();
        var residents = await App.ResidentsOfAsync(duty.NeighbourhoodId, 7);
        await App.AnswerAsync(residents[0], duty.Id, CompletionAnswer.Yes, "به نظرم درست شد");
        await App.AnswerAsync(residents[1], duty.Id, CompletionAnswer.Partly, "فقط سر کوچه <script>alert(1)</script>");
        for (var i = 2; i < 7; i++) await App.AnswerAsync(residents[i], duty.Id, CompletionAnswer.No, i == 2 ? null : $"چراغ {i} خاموش است");

        var page = await App.SendAsync<Paged<DisputedDuty>>(await App.PrincipalOfAsync("officer.qom"), new GetDisputedDuties());

        var line = Assert.Single(page.Items, d => d.DutyId == duty.Id);
        Assert.Equal((1, 1, 5), (line.Yes, line.Partly, line.No));
        Assert.Equal(["فقط سر کوچه <script>alert(1)</script>", "چراغ 3 خاموش است", "چراغ 4 خاموش است", "چراغ 5 خاموش است", "چراغ 6 خاموش است"], line.Notes);
        Assert.Equal(App.Clock.GetUtcNow(), line.DisputedAt, TimeSpan.FromMilliseconds(1)); // SQL Server and PostgreSQL keep microseconds
        Assert.Equal("پردیسان", line.Neighbourhood.Fa);
        Assert.DoesNotContain(line.Notes, n => n.Contains("ساکن آزمایشی"));

        var notices = await App.SendAsync<IReadOnlyList<AgencyNotice>>(await App.PrincipalOfAsync(CompletionArrange.Manager), new GetAgencyNotifications());
        Assert.Contains(notices, n => n.DutyId == duty.Id && n.Kind == NotificationKind.DutyDisputed);
    }

    [Fact]
    public async Task Another_province_sees_none_of_it_and_other_roles_are_refused()
    {
        var duty = await App.DoneDutyAsync();
        foreach (var resident in await App.ResidentsOfAsync(duty.NeighbourhoodId, 5)) await App.AnswerAsync(resident, duty.Id, CompletionAnswer.No);

        var mazandaran = await App.SendAsync<Paged<DisputedDuty>>(await App.PrincipalOfAsync("officer.mazandaran"), new GetDisputedDuties());
        Assert.DoesNotContain(mazandaran.Items, d => d.DutyId == duty.Id);
        foreach (var who in new[] { "facilitator.pardisan", CompletionArrange.Manager, "ministry" })
            await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<Paged<DisputedDuty>>(await App.PrincipalOfAsync(who), new GetDisputedDuties()));
        await Assert.ThrowsAsync<ValidationFailedException>(async () => await App.SendAsync<Paged<DisputedDuty>>(await App.PrincipalOfAsync("officer.qom"), new GetDisputedDuties(-1)));
    }

    [Fact]
    public async Task The_latest_dispute_comes_first_and_the_list_pages()
    {
        var first = await App.DoneDutyAsync();
        foreach (var resident in await App.ResidentsOfAsync(first.NeighbourhoodId, 5)) await App.AnswerAsync(resident, first.Id, CompletionAnswer.No);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await App.DoneDutyAsync();
        foreach (var resident in await App.ResidentsOfAsync(second.NeighbourhoodId, 5)) await App.AnswerAsync(resident, second.Id, CompletionAnswer.No);

        var officer = await App.PrincipalOfAsync("officer.qom");
        var page = await App.SendAsync<Paged<DisputedDuty>>(officer, new GetDisputedDuties(0, 1));

        Assert.Equal(second.Id, Assert.Single(page.Items).DutyId);
        Assert.True(page.Total >= 2);
        Assert.Equal(first.Id, Assert.Single((await App.SendAsync<Paged<DisputedDuty>>(officer, new GetDisputedDuties(1, 1))).Items).DutyId);
    }
}
