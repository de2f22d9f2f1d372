using Microsoft.AspNetCore.Components;
using MudBlazor;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Reports.Commands.RollUp;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Domain.Reports;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.Reports;

/// <summary>Provinces side by side, drilled down to a province's counties and a county's neighbourhoods; snapshots only.</summary>
public partial class RollupReportPage
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public int? ProvinceId { get; set; }
    [Parameter] public int? CountyId { get; set; }

    [PersistentState] public RollupReport? Report { get; set; }

    private string? _error;
    private bool _running;
    private RollupRun? _run;
    private GetRollupReport? _loadedFor;

    private GetRollupReport Query => (ProvinceId, CountyId) switch
    {
        ({ } province, _) => new GetRollupReport(RollupLevel.County, province),
        (_, { } county) => new GetRollupReport(RollupLevel.Neighbourhood, county),
        _ => new GetRollupReport(RollupLevel.Province),
    };

    protected override async Task OnParametersSetAsync()
    {
        // Drilling down reuses this component with new route values: load again, unless the prerender's state carried this report.
        var query = Query;
        if (Report is not null && (_loadedFor is null || _loadedFor == query))
        {
            _loadedFor = query;
            return;
        }
        _loadedFor = query;
        Report = null;
        _error = null;
        try { Report = await Sender.Send(query); }
        catch (NotFoundException) { Navigation.NotFound(); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    private string Heading => Report!.Level switch
    {
        RollupLevel.County => L["Reports.Heading.Counties", Format.Name(Report.Trail[^1].Name)],
        RollupLevel.Neighbourhood => L["Reports.Heading.Neighbourhoods", Format.Name(Report.Trail[^1].Name)],
        _ => L["Reports.Heading.Provinces"],
    };

    private List<BreadcrumbItem> Crumbs => [.. Report!.Trail.Select((crumb, i) => new BreadcrumbItem(Format.Name(crumb.Name),
        RollupLinks.Of(crumb.Level, crumb.Id), disabled: i == Report.Trail.Count - 1))];

    private string ExportUrl(string format) =>
        $"/reports/export.{format}?level={(int)Query.Level}{(Query.ParentId is { } parent ? $"&parent={parent}" : "")}";

    /// <summary>A full run goes through the RollUp command like the nightly job; the button says it is working until it is done.</summary>
    private async Task RunFullAsync()
    {
        _running = true;
        _run = null;
        try
        {
            _run = await Sender.Send(new RollUp(RollupMode.Full));
            Report = await Sender.Send(Query);
        }
        catch (RequestRefusedException refused) { _error = refused.Message; }
        finally { _running = false; }
    }
}

/// <summary>Where each level of the drill-down lives.</summary>
public static class RollupLinks
{
    /// <summary>The page that lists the places inside a place: the nation's provinces, a province's counties, a county's neighbourhoods.</summary>
    public static string? Of(RollupLevel level, int id) => level switch
    {
        RollupLevel.National => "/reports",
        RollupLevel.Province => $"/reports/provinces/{id}",
        RollupLevel.County => $"/reports/counties/{id}",
        _ => null,
    };
}
