using System.Globalization;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Api.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CampaignDesk.Api.Cli;

/// <summary>
/// <c>openapi [FILE]</c>: writes the OpenAPI document this build serves at /openapi/v1.json, without starting anything
/// (no database, no listener), for linters and client generators. Its server is Web:PublicUrl, else "/".
/// </summary>
internal static class OpenApiCommand
{
    public static async Task<int> WriteAsync(string[] args)
    {
        var file = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        var builder = WebApplication.CreateBuilder(file is null ? args : args[1..]);
        builder.AddCampaignDeskApi();
        await using var app = builder.Build();
        app.UseCampaignDeskApi();

        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(OpenApiSetup.DocumentName).GetOpenApiDocumentAsync();
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        if (file is null)
        {
            Console.WriteLine(text.ToString());
        }
        else
        {
            await File.WriteAllTextAsync(file, text.ToString());
            await Console.Error.WriteLineAsync($"OpenAPI document written to {file}.");
        }

        return 0;
    }
}
