using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Residents.Commands.CorrectMyDetails;
using Salam.Domain.Common;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Sms;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>A resident corrects their own name, and moves to a new mobile only with the code texted to it.</summary>
public sealed class CorrectMyDetailsTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private string LastCode(string mobile) =>
        System.Text.RegularExpressions.Regex.Match(App.Services.GetRequiredService<DevelopmentSmsSender>().LastTextTo(mobile) ?? "", "[0-9]{6}").Value;

    [Fact]
    public async Task A_resident_corrects_their_name_and_their_account_follows()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var me = await App.PendingResidentAsync(pardisan);

        await App.SendAsync<Mediator.Unit>(me.Principal, new RenameMe("  نام درست  "));

        Assert.Equal("نام درست", await App.ReadAsync(db => db.Residents.Where(r => r.Id == me.Id).Select(r => r.FullName).SingleAsync()));
        Assert.Equal("نام درست", await App.ReadAsync(db => db.Users.Where(u => u.ResidentId == me.Id).Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task A_new_mobile_changes_only_with_its_code_and_the_account_then_signs_in_by_the_new_number()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var me = await App.PendingResidentAsync(pardisan);
        var newMobile = ResidentTestData.NewMobile();

        await App.SendAsync<Mediator.Unit>(me.Principal, new RequestMobileChange(Digits.ToPersian(newMobile)));
        var before = await App.ResidentsFingerprintAsync();
        var wrong = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync<Mediator.Unit>(me.Principal, new ChangeMyMobile(newMobile, LastCode(newMobile) == "000000" ? "111111" : "000000")));
        Assert.Equal([Text.Get("SignIn.CodeInvalid")], wrong.Errors["Code"]);
        Assert.Equal(before, await App.ResidentsFingerprintAsync()); // the old number still holds

        await App.SendAsync<Mediator.Unit>(me.Principal, new RequestMobileChange(newMobile));
        await App.SendAsync<Mediator.Unit>(me.Principal, new ChangeMyMobile(newMobile, Digits.ToPersian(LastCode(newMobile))));

        Assert.Equal(newMobile, await App.ReadAsync(db => db.Residents.Where(r => r.Id == me.Id).Select(r => r.Mobile).SingleAsync()));
        await using var scope = App.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<ResidentAccounts>().FindOrCreateAsync(Domain.People.MobileNumber.Parse(newMobile), CancellationToken.None);
        Assert.Equal((me.Id, newMobile, newMobile), (account!.ResidentId, account.UserName, account.PhoneNumber));
        Assert.Equal(1, await App.ReadAsync(db => db.Users.CountAsync(u => u.ResidentId == me.Id)));
    }

    [Fact]
    public async Task A_mobile_of_another_resident_is_refused_clearly_texts_nothing_and_writes_nothing()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var me = await App.PendingResidentAsync(pardisan);
        const string other = "09120000002";
        var sms = App.Services.GetRequiredService<DevelopmentSmsSender>();
        var textsBefore = sms.Recent().Count;
        var before = await App.ResidentsFingerprintAsync();

        var asked = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Mediator.Unit>(me.Principal, new RequestMobileChange(other)));
        var changed = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Mediator.Unit>(me.Principal, new ChangeMyMobile(other, "123456")));

        Assert.Equal([Text.Get("Residents.MobileTaken")], asked.Errors["NewMobile"]);
        Assert.Equal([Text.Get("Residents.MobileTaken")], changed.Errors["NewMobile"]);
        Assert.Equal(textsBefore, sms.Recent().Count);
        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }
}
