using Microsoft.AspNetCore.Components;
using MudBlazor;
using Salam.Application.Centres.Commands.AssignFacilitator;
using Salam.Application.Centres.Commands.CreateCentre;
using Salam.Application.Centres.Commands.UpdateCentre;
using Salam.Application.Centres.Queries.GetCentre;
using Salam.Application.Centres.Queries.GetCentres;
using Salam.Application.Common.Exceptions;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.Centres;

/// <summary>The administrator's or a provincial officer's centres: make and edit them, set the neighbourhoods they serve, place facilitators.</summary>
public partial class CentresPage
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The open form: a new centre (Centre null) or one being edited, and the last refusal's messages.</summary>
    private sealed record OpenForm(string Key, CentreRow? Centre, IReadOnlyDictionary<string, string[]> Errors);

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <summary>Kept from the prerender, so the page does not load twice nor flash empty when its circuit starts.</summary>
    [PersistentState] public CentreList? List { get; set; }
    // Sorted once per load: a new sequence on every render would make the table see new items each time.
    private IReadOnlyList<CentreRow> _centres = [];
    private OpenForm? _form;
    private string? _error;
    private int _version;

    private string FormHeading => _form?.Centre is { } centre
        ? string.Format(L["Centres.EditTitle"], Format.Name(centre.Name))
        : string.Format(L["Centres.NewTitle"], ProvinceName(List!.ProvinceId));

    protected override async Task OnInitializedAsync()
    {
        if (List is null) await LoadAsync(null);
        else _centres = [.. Format.ByName(List.Centres, c => c.Name)];
    }

    private async Task LoadAsync(int? provinceId)
    {
        try
        {
            List = await Sender.Send(new GetCentres(provinceId ?? List?.ProvinceId));
            _centres = [.. Format.ByName(List.Centres, c => c.Name)];
        }
        catch (RequestRefusedException refused) { _error = refused.Message; }
        _version++;
    }

    private string ProvinceName(int id) => List?.Provinces.FirstOrDefault(p => p.Id == id) is { } province ? Format.Name(province.Name) : "";

    private async Task ChooseProvinceAsync(int provinceId)
    {
        _form = null;
        await LoadAsync(provinceId);
    }

    private void StartNew() => _form = new OpenForm("new", null, NoErrors);

    private async Task EditAsync(int centreId)
    {
        try { _form = new OpenForm($"centre-{centreId}", await Sender.Send(new GetCentre(centreId)), NoErrors); }
        catch (RequestRefusedException refused) { Snackbar.Add(refused.Message, Severity.Error); }
    }

    private async Task SaveAsync(CentreForm.Draft draft)
    {
        var form = _form!;
        try
        {
            if (form.Centre is { } centre)
                await Sender.Send(new UpdateCentre(centre.Id, draft.NameFa, draft.NameEn, draft.Address, draft.Kind, draft.NeighbourhoodIds));
            else
                await Sender.Send(new CreateCentre(List!.ProvinceId, draft.NameFa, draft.NameEn, draft.Address, draft.Kind, draft.NeighbourhoodIds));
            Snackbar.Add(L[form.Centre is null ? "Centres.Created" : "Centres.Saved"], Severity.Success);
            _form = null;
            await LoadAsync(null);
        }
        catch (RequestRefusedException refused)
        {
            _form = form with { Errors = refused.Errors };
            Snackbar.Add(refused.Message, Severity.Error);
        }
    }

    private async Task AssignAsync((int FacilitatorId, int? CentreId) choice)
    {
        var name = List!.Facilitators.FirstOrDefault(f => f.Id == choice.FacilitatorId)?.FullName ?? "";
        try
        {
            await Sender.Send(new AssignFacilitator(choice.FacilitatorId, choice.CentreId));
            var centre = List.Centres.FirstOrDefault(c => c.Id == choice.CentreId);
            Snackbar.Add(centre is null ? string.Format(L["Facilitators.Unassigned"], name) : string.Format(L["Facilitators.Assigned"], name, Format.Name(centre.Name)), Severity.Success);
        }
        catch (RequestRefusedException refused) { Snackbar.Add(refused.Message, Severity.Error); }
        await LoadAsync(null);
    }
}
