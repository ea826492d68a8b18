using EssaySite.Content;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace EssaySite.Pages;

/// <summary>
/// Gives each Razor Page its route from the one route table (<see cref="Routes.Templates"/>) rather than from an
/// <c>@page "…"</c> template of its own, so an address is written once and <c>asp-page</c>/<c>LinkGenerator</c>
/// build it from there. A page the table does not list keeps the framework's route from its file's path.
/// </summary>
public sealed class RouteTableConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        if (!Routes.Templates.TryGetValue(model.ViewEnginePath, out var template))
        {
            return;
        }

        // The framework gives /Index two selectors ("Index" and ""); the table's one route replaces them all.
        while (model.Selectors.Count > 1)
        {
            model.Selectors.RemoveAt(model.Selectors.Count - 1);
        }

        // Relative to the application, as a page's own template would be: "" is the home page.
        model.Selectors[0].AttributeRouteModel = new AttributeRouteModel { Template = template.TrimStart('/') };
    }
}
