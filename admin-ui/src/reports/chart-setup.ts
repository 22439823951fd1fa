import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';

/**
 * Chart.js with only what the reports page draws (bars, a line, the matrix heat map, two
 * scale kinds, tooltips and a legend), so the bundle leaves the other chart types out.
 * This module loads with the reports page alone: the admin app's first load has no chart.
 */
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
  MatrixController,
  MatrixElement,
);
Chart.defaults.font.family =
  "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1a2230';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

export { Chart };
