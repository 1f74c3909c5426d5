using System.Net;
using System.Net.Sockets;
using CampaignDesk.Core.Data;
using Microsoft.Data.SqlClient;

namespace CampaignDesk.Core.Tests.Data;

public class SqlServerDialectTests
{
    [Test]
    public async Task IsUnavailable_ConnectionRefused_IsUnavailable()
    {
        // A port nobody listens on: SqlClient's own exception for a refused connection, not a hand-built one.
        var port = FreePort();
        var connectionString = $"Server=tcp:127.0.0.1,{port};Database=x;User Id=sa;Password=x;Connect Timeout=3;TrustServerCertificate=true;Pooling=false";
        await using var connection = new SqlConnection(connectionString);

        var error = Assert.ThrowsAsync<SqlException>(() => connection.OpenAsync());

        Assert.Multiple(() =>
        {
            Assert.That(new SqlServerDialect().IsUnavailable(error!), Is.True, $"number {error!.Number}, class {error.Class}: {error.Message}");
            Assert.That(error.IsTransient, Is.False, "SqlClient's own transient flag, which the dialect must not rely on alone");
        });
    }

    [Test]
    public async Task IsUnavailable_ServerErrorSuchAsASyntaxError_IsNotUnavailable()
    {
        // Number 0 alone is not enough: a class below 20 is a statement's error, not the server's absence.
        var error = await SqlExceptionWith(number: 102, errorClass: 15);
        var classLowNumberZero = await SqlExceptionWith(number: 0, errorClass: 16);

        Assert.Multiple(() =>
        {
            Assert.That(new SqlServerDialect().IsUnavailable(error), Is.False);
            Assert.That(new SqlServerDialect().IsUnavailable(classLowNumberZero), Is.False);
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // SqlException has no public constructor; its factory takes a collection of SqlError, both internal.
    private static Task<SqlException> SqlExceptionWith(int number, byte errorClass)
    {
        var errorCtor = typeof(SqlError).GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length).First();
        var args = errorCtor.GetParameters().Select(p => p.Name switch
        {
            "infoNumber" => (object?)number,
            "errorClass" => errorClass,
            _ => p.ParameterType == typeof(string) ? "x" : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null,
        }).ToArray();
        var sqlError = (SqlError)errorCtor.Invoke(args);
        var collection = (SqlErrorCollection)Activator.CreateInstance(typeof(SqlErrorCollection), nonPublic: true)!;
        typeof(SqlErrorCollection).GetMethod("Add", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.Invoke(collection, [sqlError]);
        var create = typeof(SqlException).GetMethods(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .First(m => m.Name == "CreateException" && m.GetParameters() is [{ ParameterType: var a }, { ParameterType: var b }] && a == typeof(SqlErrorCollection) && b == typeof(string));
        return Task.FromResult((SqlException)create.Invoke(null, [collection, "7.1.2"])!);
    }
}
