using Microsoft.AspNetCore.Components;
using MudBlazor;
using Salam.Application.Common.Exceptions;
using Salam.Application.Staff.Commands.ChangeStaffRoleOrScope;
using Salam.Application.Staff.Commands.CreateStaffAccount;
using Salam.Application.Staff.Commands.DisableStaffAccount;
using Salam.Application.Staff.Commands.ResetStaffPassword;
using Salam.Application.Staff.Commands.UnlockStaffAccount;
using Salam.Application.Staff.Queries.GetStaffAccounts;
using Salam.Application.Staff.Queries.GetStaffChoices;
using Salam.Domain.People;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.StaffAccounts;

/// <summary>The administrator's (every staff account) or a provincial officer's (their province's facilitators and agency managers) accounts page.</summary>
public partial class StaffPage
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The open form: a new account (Account null) or one whose role or scope changes, and the last refusal's messages.</summary>
    private sealed record OpenForm(string Key, StaffAccountRow? Account, IReadOnlyDictionary<string, string[]> Errors);

    private sealed record Temporary(string UserName, string Password);

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private StaffAccountList? _list;
    private StaffChoices? _choices;
    private OpenForm? _form;
    private Temporary? _temporary;
    private string? _error, _search;
    private Role? _role;

    protected override async Task OnInitializedAsync()
    {
        try { _choices = await Sender.Send(new GetStaffChoices()); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
        await SearchAsync(0);
    }

    private async Task SearchAsync(int page)
    {
        try { _list = await Sender.Send(new GetStaffAccounts(_search, _role, null, page)); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    private async Task ChooseRoleAsync(Role? role)
    {
        _role = role;
        await SearchAsync(0);
    }

    private async Task ChooseProvinceAsync(int provinceId)
    {
        try { _choices = await Sender.Send(new GetStaffChoices(provinceId)); }
        catch (RequestRefusedException refused) { Snackbar.Add(refused.Message, Severity.Error); }
    }

    private void StartNew() => _form = new OpenForm("new", null, NoErrors);

    private void StartChange(StaffAccountRow account) => _form = new OpenForm($"account-{account.Id}", account, NoErrors);

    private async Task SaveAsync(StaffAccountForm.Draft draft)
    {
        var form = _form!;
        try
        {
            if (form.Account is { } account)
                await Sender.Send(new ChangeStaffRoleOrScope(account.Id, draft.Role, draft.ProvinceId, draft.CentreId, draft.AgencyId, draft.Email));
            else
                await Sender.Send(new CreateStaffAccount(draft.UserName, draft.FullName, draft.Mobile, draft.Role, draft.ProvinceId, draft.CentreId, draft.AgencyId, draft.Password, draft.Email));
            Snackbar.Add(L[form.Account is null ? "Staff.Created" : "Staff.Changed"], Severity.Success);
            _form = null;
            await SearchAsync(_list?.Page ?? 0);
        }
        catch (RequestRefusedException refused)
        {
            _form = form with { Errors = refused.Errors };
            Snackbar.Add(refused.Message, Severity.Error);
        }
    }

    private Task DisableAsync(StaffAccountRow account) => ActAsync(new DisableStaffAccount(account.Id), string.Format(L["Staff.Disabled"], account.UserName));

    private Task EnableAsync(StaffAccountRow account) => ActAsync(new EnableStaffAccount(account.Id), string.Format(L["Staff.Enabled"], account.UserName));

    private Task UnlockAsync(StaffAccountRow account) => ActAsync(new UnlockStaffAccount(account.Id), string.Format(L["Staff.Unlocked"], account.UserName));

    private async Task ResetAsync(StaffAccountRow account)
    {
        _temporary = null;
        var password = TemporaryPassword.New();
        // Shown once, here: it is not kept anywhere the page could show it again.
        if (await ActAsync(new ResetStaffPassword(account.Id, password), string.Format(L["Staff.PasswordReset"], account.UserName)))
            _temporary = new Temporary(account.UserName, password);
    }

    private async Task<bool> ActAsync(Mediator.ICommand command, string done)
    {
        var succeeded = false;
        try
        {
            await Sender.Send(command);
            Snackbar.Add(done, Severity.Success);
            succeeded = true;
        }
        catch (RequestRefusedException refused) { Snackbar.Add(refused.Message, Severity.Error); }
        await SearchAsync(_list?.Page ?? 0);
        return succeeded;
    }
}
