using Microsoft.AspNetCore.Components;
using MudBlazor;
using Salam.Application.Agencies.Commands.CreateAgency;
using Salam.Application.Agencies.Commands.DeleteAgency;
using Salam.Application.Agencies.Commands.SetAgencyActive;
using Salam.Application.Agencies.Commands.UpdateAgency;
using Salam.Application.Agencies.Queries.GetAgencies;
using Salam.Application.Common.Exceptions;
using Salam.Domain.Duties;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.Agencies;

/// <summary>Agencies for the administrator (all) and a provincial officer (their province's): make, edit, (de)activate, delete an unused one.</summary>
public partial class AgenciesPage
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The open form; <see cref="Province"/> 0 stands for national.</summary>
    private sealed class Form
    {
        public int? AgencyId { get; init; }
        public string NameFa { get; set; } = "";
        public string NameEn { get; set; } = "";
        public AgencyKind Kind { get; set; } = AgencyKind.Other;
        public int Province { get; set; }
    }

    private AgencyList? _list;
    private Form? _form;
    private string? _error, _formError;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try { _list = await Sender.Send(new GetAgencies()); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    private string ProvinceName(int id) => id == 0 ? L["Agencies.National"]
        : _list?.Provinces.FirstOrDefault(p => p.Id == id) is { } province ? Format.Name(province.Name) : "";

    private void StartNew() => _form = new Form { Province = _list!.MayMakeNational ? 0 : _list.Provinces.FirstOrDefault()?.Id ?? 0 };

    private void Edit(AgencyRow agency) => _form = new Form
    {
        AgencyId = agency.Id, NameFa = agency.Name.Fa, NameEn = agency.Name.En, Kind = agency.Kind, Province = agency.ProvinceId ?? 0,
    };

    private async Task SaveAsync()
    {
        var form = _form!;
        int? province = form.Province == 0 ? null : form.Province;
        await RunAsync(async () =>
        {
            if (form.AgencyId is { } id) await Sender.Send(new UpdateAgency(id, form.NameFa, form.NameEn, form.Kind, province));
            else await Sender.Send(new CreateAgency(form.NameFa, form.NameEn, form.Kind, province));
            (_form, _formError) = (null, null);
        }, refused => _formError = refused);
    }

    private Task ToggleAsync(AgencyRow agency) =>
        RunAsync(() => Sender.Send(new SetAgencyActive(agency.Id, !agency.IsActive)), refused => Snackbar.Add(refused, Severity.Error));

    private Task DeleteAsync(AgencyRow agency) =>
        RunAsync(() => Sender.Send(new DeleteAgency(agency.Id)), refused => Snackbar.Add(refused, Severity.Error));

    private async Task RunAsync(Func<Task> change, Action<string> refusedWith)
    {
        try
        {
            await change();
            Snackbar.Add(L["Geography.Saved"], Severity.Success);
            await LoadAsync();
        }
        catch (RequestRefusedException refused) { refusedWith(refused.Message); }
    }
}
