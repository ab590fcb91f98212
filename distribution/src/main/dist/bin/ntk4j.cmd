@echo off
rem ntk4j launcher for Windows.
rem   JAVA_HOME   the JDK/JRE to use (17 or newer); otherwise java on the PATH
rem   JAVA_OPTS   extra JVM options, e.g. set JAVA_OPTS=-Xmx8g
setlocal

rem The install folder is the parent of this scripts folder.
set "NTK4J_HOME=%~dp0.."
for %%i in ("%NTK4J_HOME%") do set "NTK4J_HOME=%%~fi"
if not exist "%NTK4J_HOME%\lib\" (
  echo ntk4j: cannot find the installation ^(expected a lib folder next to bin^) 1>&2
  exit /b 1
)

if defined JAVA_HOME (
  set "JAVACMD=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVACMD=java.exe"
)
if defined JAVA_HOME if not exist "%JAVACMD%" (
  echo ntk4j: JAVA_HOME is set to "%JAVA_HOME%" but "%JAVACMD%" does not exist 1>&2
  exit /b 1
)

"%JAVACMD%" %JAVA_OPTS% --add-modules jdk.incubator.vector -cp "%NTK4J_HOME%\lib\*" "-Dntk4j.home=%NTK4J_HOME%" org.ntk4j.cli.Main %*

rem Hand javas exit code to the caller (0 ok, 1 failure, 2 bad input).
endlocal & exit /b %ERRORLEVEL%
